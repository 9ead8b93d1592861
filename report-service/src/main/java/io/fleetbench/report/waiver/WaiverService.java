package io.fleetbench.report.waiver;

import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.report.ReportProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Validates waiver requests and applies them to the store at the time of the injected {@link Clock}, which tests
 * move forward to expire waivers.
 */
@Service
public class WaiverService {

    private static final Logger log = LoggerFactory.getLogger(WaiverService.class);

    /** Check ids of the catalogue: numbers separated by dots, or Fleetbench's own {@code FB.n}. */
    private static final Pattern CHECK_ID = Pattern.compile("[A-Za-z0-9]{1,8}(\\.[0-9]{1,4}){0,4}");
    private static final Pattern LABEL = Pattern.compile("[^=\\s]{1,253}=[^\\s]{0,1024}");
    private static final int MAX_TEXT = 2000;

    private final WaiverStore store;
    private final Duration maxDuration;
    private final Clock clock;

    public WaiverService(WaiverStore store, ReportProperties properties, Clock clock) {
        this.store = store;
        this.maxDuration = properties.waivers().maxDuration();
        this.clock = clock;
    }

    /**
     * Creates a waiver on behalf of {@code actor} and waives the current findings it covers.
     *
     * @throws InvalidWaiverException when a field is missing or invalid, naming each such field
     */
    public Mono<Waiver> create(WaiverRequest request, String actor) {
        Instant now = clock.instant();
        List<String> errors = new ArrayList<>();

        String checkId = request.checkId() == null ? null : request.checkId().strip();
        if (checkId == null || !CHECK_ID.matcher(checkId).matches()) {
            errors.add("checkId '" + request.checkId() + "' is missing or invalid: use a recommendation id such as"
                    + " 5.10 or FB.1");
        }
        WaiverScope scope = scope(request, errors);

        requireText("reason", request.reason(), errors);
        requireText("owner", request.owner(), errors);
        requireText("approver", request.approver(), errors);
        if (request.approver() != null && request.approver().strip().equals(actor)) {
            errors.add("approver '" + request.approver() + "' is the creator of the waiver: another user must"
                    + " approve it");
        }

        if (request.expiresAt() == null) {
            errors.add("expiresAt is missing: give an ISO-8601 instant such as 2027-01-31T00:00:00Z");
        } else if (!request.expiresAt().isAfter(now)) {
            errors.add("expiresAt " + request.expiresAt() + " is not in the future (now is " + now + ")");
        } else if (request.expiresAt().isAfter(now.plus(maxDuration))) {
            errors.add("expiresAt " + request.expiresAt() + " is more than " + maxDuration.toDays()
                    + " days ahead: choose " + now.plus(maxDuration) + " or earlier"
                    + " (fleetbench.report.waivers.max-duration)");
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidWaiverException(errors));
        }

        WaiverRequest cleaned = new WaiverRequest(checkId, scope.hostId(), scope.hostLabel(),
                scope.containerPattern(), scope.imagePattern(), request.reason().strip(), request.owner().strip(),
                request.approver().strip(), request.expiresAt());
        return store.create(checkId, scope, cleaned, actor, now)
                .doOnNext(waiver -> log.info("Waiver {} for check {} created by {}, expires at {}",
                        waiver.waiverId(), waiver.checkId(), actor, waiver.expiresAt()));
    }

    /** Reads one waiver, or returns an empty {@code Mono} when the id is unknown. */
    public Mono<Waiver> find(long waiverId) {
        return store.find(waiverId, clock.instant());
    }

    /** Lists waivers, filtered by state, check id and host id where given. */
    public Flux<Waiver> list(Waiver.@Nullable State state, @Nullable String checkId, @Nullable String hostId) {
        return store.list(state, checkId, hostId, clock.instant());
    }

    /** Reads the change log of a waiver, oldest first. */
    public Flux<WaiverChange> changes(long waiverId) {
        return store.changes(waiverId);
    }

    /**
     * Revokes an active waiver on behalf of {@code actor}. Its findings move to the oldest other active waiver that
     * covers them, and the rest are re-opened.
     *
     * @return the revoked waiver, or an empty {@code Mono} when the id is unknown
     * @throws WaiverNotActiveException through the {@code Mono} when the waiver is already revoked or expired
     */
    public Mono<Waiver> revoke(long waiverId, String actor) {
        return store.revoke(waiverId, actor, clock.instant())
                .doOnNext(waiver -> log.info("Waiver {} revoked by {}", waiverId, actor));
    }

    /**
     * Releases the findings of every waiver expired by now, as {@link #revoke} does, and returns how many waivers
     * that processed.
     */
    public Mono<Long> expireDue() {
        return store.expireDue(clock.instant())
                .doOnNext(waiverId -> log.info(
                        "Waiver {} expired, its findings moved to other active waivers or count as WARN again",
                        waiverId))
                .count();
    }

    private static WaiverScope scope(WaiverRequest request, List<String> errors) {
        String hostId = blankToNull(request.hostId());
        String hostLabel = blankToNull(request.hostLabel());
        String containerPattern = blankToNull(request.containerPattern());
        String imagePattern = blankToNull(request.imagePattern());
        int parts = (hostId == null ? 0 : 1) + (hostLabel == null ? 0 : 1) + (containerPattern == null ? 0 : 1)
                + (imagePattern == null ? 0 : 1);
        if (parts != 1) {
            errors.add("the scope has " + parts + " parts: set exactly one of hostId, hostLabel (key=value),"
                    + " containerPattern or imagePattern (globs with * and ?)");
        }
        if (hostId != null && !HostDescriptor.ID_PATTERN.matcher(hostId).matches()) {
            errors.add("hostId '" + hostId + "' is invalid: use 1 to 128 letters, digits, '.', '_', ':' or '-'");
        }
        if (hostLabel != null && !LABEL.matcher(hostLabel).matches()) {
            errors.add("hostLabel '" + hostLabel + "' is invalid: use key=value without spaces");
        }
        for (String pattern : new String[] {containerPattern, imagePattern}) {
            if (pattern != null && pattern.length() > 512) {
                errors.add("pattern '" + pattern.substring(0, 64) + "…' is longer than 512 characters");
            }
        }
        return new WaiverScope(hostId, hostLabel, containerPattern, imagePattern);
    }

    private static void requireText(String field, @Nullable String value, List<String> errors) {
        if (value == null || value.isBlank()) {
            errors.add(field + " is missing");
        } else if (value.length() > MAX_TEXT) {
            errors.add(field + " is longer than " + MAX_TEXT + " characters");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
