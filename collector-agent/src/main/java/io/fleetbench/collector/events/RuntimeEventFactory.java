package io.fleetbench.collector.events;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.DockerException;
import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.RuntimeEventObserved;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link RuntimeEventObserved} records. For an exec it inspects the exec to read whether it runs privileged,
 * as which user and which program. It keeps the program's file name only, never its arguments or environment.
 */
public final class RuntimeEventFactory {

    private static final Logger log = LoggerFactory.getLogger(RuntimeEventFactory.class);

    private final DockerClient client;

    public RuntimeEventFactory(DockerClient client) {
        this.client = client;
    }

    /** Builds the runtime event for {@code event} on {@code host}. */
    public RuntimeEventObserved create(ObservedEngineEvent event, HostDescriptor host) {
        Boolean privileged = null;
        String user = null;
        String command = null;
        if (event.isExec() && event.execId() != null) {
            InspectExecResponse.ProcessConfig process = inspect(event.execId(), event);
            if (process != null) {
                privileged = Boolean.TRUE.equals(process.isPrivileged());
                user = process.getUser() == null ? "" : process.getUser();
                command = programName(process.getEntryPoint());
            }
        }
        return new RuntimeEventObserved(RuntimeEventObserved.SCHEMA_VERSION, UUID.randomUUID().toString(),
                event.occurredAt(), host, event.action(), event.kind(), event.targetName(), event.targetId(),
                privileged, user, command);
    }

    private InspectExecResponse.@Nullable ProcessConfig inspect(String execId, ObservedEngineEvent event) {
        try {
            return client.inspectExecCmd(execId).exec().getProcessConfig();
        } catch (DockerException e) {
            // The engine removes an exec some time after it ends, so the event is published without the flags.
            log.debug("Exec {} in container {} could not be inspected ({}); publishing its event without privilege"
                    + " and user", execId, event.targetName(), e.getHttpStatus());
            return null;
        } catch (RuntimeException e) {
            log.warn("Failed to inspect exec {} in container {}; publishing its event without privilege and user",
                    execId, event.targetName(), e);
            return null;
        }
    }

    /** Returns the file name of the program, such as {@code sh} for {@code /bin/sh}. */
    static @Nullable String programName(@Nullable String entryPoint) {
        if (entryPoint == null || entryPoint.isBlank()) {
            return null;
        }
        String program = entryPoint.strip();
        int slash = program.lastIndexOf('/');
        return slash < 0 ? program : program.substring(slash + 1);
    }
}
