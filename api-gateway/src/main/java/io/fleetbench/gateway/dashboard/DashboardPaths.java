package io.fleetbench.gateway.dashboard;

import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The fixed paths of the dashboard: the page at {@code /}, its three asset files and the session endpoint. Security
 * allows GET and HEAD on exactly these paths to every signed-in user, and the per-user rate limit leaves them out.
 */
public final class DashboardPaths {

    /** The dashboard page. */
    public static final String PAGE = "/";

    /** The user's name and roles as JSON, which the page reads to decide whether to show the waiver forms. */
    public static final String SESSION = "/dashboard/session";

    static final String STYLESHEET = "/dashboard/dashboard.css";
    static final String SCRIPT = "/dashboard/dashboard.js";
    static final String ICON = "/dashboard/icon.svg";

    /** Every dashboard path, for the security rules. */
    public static final String[] ALL = {PAGE, STYLESHEET, SCRIPT, ICON, SESSION};

    private static final List<String> ALL_PATHS = List.of(ALL);

    private DashboardPaths() {
    }

    /**
     * Returns whether the request is for one of the dashboard's paths. Such requests are served from the gateway's
     * memory without reaching the report service, so they do not take tokens from the user's API rate limit.
     */
    public static boolean isDashboardRequest(ServerHttpRequest request) {
        return ALL_PATHS.contains(request.getPath().pathWithinApplication().value());
    }
}
