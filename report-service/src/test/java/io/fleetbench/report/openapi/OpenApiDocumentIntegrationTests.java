package io.fleetbench.report.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.report.IntegrationTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** Fetches the OpenAPI document and compares its operations with every request mapping of the service. */
class OpenApiDocumentIntegrationTests extends IntegrationTestSupport {

    /** Allows 30 s per response, because the first requests after the context starts are slow on a busy machine. */
    @BeforeEach
    void allowSlowResponses() {
        webClient = webClient.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Autowired
    private RequestMappingHandlerMapping handlerMapping;

    @Test
    void documentListsEveryControllerMapping() {
        // springdoc builds the document on the first request, which takes several seconds on a 2-core machine.
        byte[] json = webClient.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/api/v1/openapi.json")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        JsonNode document = EventCodec.mapper().readTree(json);
        assertThat(document.get("openapi").asString()).startsWith("3.");

        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " "
                        + path.getKey())));

        List<String> mapped = new ArrayList<>();
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("io.fleetbench.report")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            info.getPatternsCondition().getPatterns().forEach(pattern -> {
                if (methods.isEmpty()) {
                    // A mapping without a method accepts every method, which the document cannot list as one.
                    mapped.add("ANY " + pattern.getPatternString());
                }
                methods.forEach(requestMethod -> mapped.add(requestMethod.name() + " " + pattern.getPatternString()));
            });
        });

        assertThat(mapped).as("request mappings of the service's controllers").isNotEmpty();
        assertThat(documented).containsAll(mapped);
        assertThat(documented).contains("POST /api/v1/waivers", "GET /api/v1/stream/transitions",
                "GET /api/v1/fleet/export");
    }
}
