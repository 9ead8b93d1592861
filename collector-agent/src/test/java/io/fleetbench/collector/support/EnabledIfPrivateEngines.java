package io.fleetbench.collector.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the annotated tests only where this user can start private dockerd instances ({@link PrivateDockerEngine}). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PrivateEngineCondition.class)
public @interface EnabledIfPrivateEngines {
}
