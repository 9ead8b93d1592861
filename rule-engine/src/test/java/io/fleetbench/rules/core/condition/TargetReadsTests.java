package io.fleetbench.rules.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetReadsTests {

    @Test
    void findsSelectedAndTestedFields() {
        TargetReads reads = reads("has(target.pidsLimit) && target.privileged ? warn(image.user) : pass('fine')");

        assertThat(reads).isNotNull();
        assertThat(reads.targetFields()).containsExactly("pidsLimit", "privileged");
        assertThat(reads.imageFields()).containsExactly("user");
    }

    @Test
    void wholeTargetUseHasNoFields() {
        assertThat(reads("cel.bind(t, target, t.privileged ? warn('x') : pass('y'))")).isNull();
        assertThat(reads("target.exists(k, k == 'privileged') ? warn('x') : pass('y')")).isNull();
    }

    @Test
    void snapshotOnlyConditionHasEmptyKey() {
        TargetReads reads = reads("snapshot.networks.size() > 0 ? pass('x') : warn('y')");

        assertThat(reads).isNotNull();
        assertThat(reads.targetFields()).isEmpty();
        assertThat(reads.imageFields()).isEmpty();
    }

    @Test
    void keysCompareReadFieldsOnly() {
        TargetReads reads = reads("target.privileged ? warn(target.name) : pass('y')");
        Map<String, Object> web = Map.of("name", "web", "privileged", false, "id", "1");
        Map<String, Object> webCopy = Map.of("name", "web", "privileged", false, "id", "2");
        Map<String, Object> api = Map.of("name", "api", "privileged", false, "id", "3");

        assertThat(key(reads, web)).isEqualTo(key(reads, webCopy));
        assertThat(key(reads, web)).isNotEqualTo(key(reads, api));
    }

    @Test
    void keysTellAbsentFromPresent() {
        TargetReads reads = reads("has(target.pidsLimit) ? pass('x') : warn('y')");
        Map<String, Object> absent = new LinkedHashMap<>();
        Map<String, Object> present = new LinkedHashMap<>();
        present.put("pidsLimit", 0L);

        assertThat(key(reads, absent)).isNotEqualTo(key(reads, present));
    }

    @Test
    void keysCompareMapsInOrder() {
        TargetReads reads = reads("target.labels.size() > 0 ? pass('x') : warn('y')");
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("a", "1");
        first.put("b", "2");
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("b", "2");
        reordered.put("a", "1");
        Map<String, Object> same = new LinkedHashMap<>(first);

        assertThat(key(reads, Map.of("labels", first))).isNotEqualTo(key(reads, Map.of("labels", reordered)));
        assertThat(key(reads, Map.of("labels", first))).isEqualTo(key(reads, Map.of("labels", same)));
        assertThat(TargetReads.orderedEquals(List.of(1L, 2L), List.of(2L, 1L))).isFalse();
    }

    private static TargetReads reads(String expression) {
        return ConditionLanguage.compile(expression, "test condition").reads();
    }

    private static Object key(TargetReads reads, Map<String, Object> target) {
        return reads.key(target, Map.of());
    }
}
