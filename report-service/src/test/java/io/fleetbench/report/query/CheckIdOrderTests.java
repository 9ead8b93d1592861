package io.fleetbench.report.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckIdOrderTests {

    @ParameterizedTest(name = "{0} before {1}")
    @CsvSource({
            "5.9, 5.10",
            "1.1, 1.1.1",
            "1.1.2, 1.1.10",
            "2.1, 10.1",
            "5.1, 5.a",
            "5.01, 5.1",
            "5.9, 5.010",
            "5.1a, 5.1b",
            "99999999999999999998, 99999999999999999999"
    })
    void ordersLeftBeforeRight(String left, String right) {
        assertThat(CheckIdOrder.INSTANCE.compare(left, right)).isNegative();
        assertThat(CheckIdOrder.INSTANCE.compare(right, left)).isPositive();
    }

    @Test
    void equalIdsCompareAsEqual() {
        assertThat(CheckIdOrder.INSTANCE.compare("5.10", "5.10")).isZero();
        assertThat(CheckIdOrder.INSTANCE.compare("", "")).isZero();
    }

    @Test
    void sortsBenchmarkDocumentOrder() {
        List<String> expected = List.of("1.1.1", "1.1.2", "1.1.10", "1.2", "2.1", "4.10", "5.1", "5.9", "5.10", "5.31");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.reverse(shuffled);

        shuffled.sort(CheckIdOrder.INSTANCE);

        assertThat(shuffled).containsExactlyElementsOf(expected);
    }

    @Test
    void sortKeysFollowComparatorOrder() {
        List<String> ids = List.of("1.1.1", "1.1.2", "1.1.10", "1.2", "2.1", "5.01", "5.1", "5.1a", "5.1b", "5.9",
                "5.10", "5.a", "10.1", "FB.1", "FB.10", "FB.2", "ORG-1", "0", "00", "99999999999999999998",
                "99999999999999999999");
        List<String> byComparator = new ArrayList<>(ids);
        byComparator.sort(CheckIdOrder.INSTANCE);
        List<String> byKey = new ArrayList<>(ids);
        byKey.sort((left, right) -> CheckIdOrder.sortKey(left).compareTo(CheckIdOrder.sortKey(right)));

        assertThat(byKey).containsExactlyElementsOf(byComparator);
    }

    @Test
    void sortKeysDifferForDifferentIds() {
        assertThat(CheckIdOrder.sortKey("5.01")).isNotEqualTo(CheckIdOrder.sortKey("5.1"));
        assertThat(CheckIdOrder.sortKey("5.1")).isNotEqualTo(CheckIdOrder.sortKey("51"));
    }
}
