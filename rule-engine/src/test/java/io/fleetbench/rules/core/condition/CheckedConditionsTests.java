package io.fleetbench.rules.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.runtime.CelEvaluationException;
import io.fleetbench.rules.core.CheckedConditionsWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reads the checked conditions the build stores in the jar, and falls back to compiling where they are unusable. */
class CheckedConditionsTests {

    private static final String CONDITION = "params.limit > 2 ? pass('above the limit') : warn('at or below the limit')";

    /** Offset of the first entry's {@code CheckedExpr} bytes: magic, version, count, key and length. */
    private static final int FIRST_ENTRY_BYTES = 4 + 4 + 4 + 32 + 4;

    @Test
    void buildStoresEveryBundledCondition() {
        Set<String> expressions = CheckedConditionsWriter.bundledExpressions();
        CheckedConditions stored = CheckedConditions.bundled();

        assertThat(stored.size()).isEqualTo(expressions.size());
        for (String expression : expressions) {
            assertThat(stored.find(expression)).as(expression).isNotNull();
        }
    }

    @Test
    void storedTreesMatchFreshTypeCheck() {
        CheckedConditions stored = CheckedConditions.bundled();

        for (String expression : CheckedConditionsWriter.bundledExpressions()) {
            CelAbstractSyntaxTree fresh = ConditionLanguage.check(expression, "test");
            CelAbstractSyntaxTree read = stored.find(expression);

            assertThat(read).as(expression).isNotNull();
            assertThat(CelProtoAbstractSyntaxTree.fromCelAst(read).toCheckedExpr())
                    .as(expression)
                    .isEqualTo(CelProtoAbstractSyntaxTree.fromCelAst(fresh).toCheckedExpr());
        }
    }

    @Test
    void writtenStoreRoundTrips() throws Exception {
        CheckedConditions stored = read(written(List.of(CONDITION)));

        assertThat(stored.size()).isEqualTo(1);
        assertThat(stored.find(CONDITION)).isNotNull();
        assertThat(status(ConditionLanguage.compile(CONDITION, "test", stored), 3)).isEqualTo("PASS");
        assertThat(status(ConditionLanguage.compile(CONDITION, "test", stored), 1)).isEqualTo("WARN");
    }

    @Test
    void changedConditionIsCompiled() throws Exception {
        CheckedConditions stored = read(written(List.of(CONDITION)));
        String changed = CONDITION.replace("> 2", "> 5");

        assertThat(stored.find(changed)).isNull();
        assertThat(status(ConditionLanguage.compile(changed, "test", stored), 3)).isEqualTo("WARN");
    }

    @Test
    void flippedByteFailsChecksum() throws Exception {
        byte[] bytes = written(List.of(CONDITION));
        bytes[FIRST_ENTRY_BYTES + 5] ^= 0x01;

        CheckedConditions stored = read(bytes);

        assertThat(stored.size()).isZero();
        assertThat(status(ConditionLanguage.compile(CONDITION, "test", stored), 3)).isEqualTo("PASS");
    }

    @Test
    void truncatedStoreIsEmpty() throws Exception {
        byte[] bytes = written(List.of(CONDITION));

        assertThat(read(Arrays.copyOf(bytes, bytes.length - 1)).size()).isZero();
        assertThat(read(Arrays.copyOf(bytes, 10)).size()).isZero();
        assertThat(read(new byte[0]).size()).isZero();
    }

    @Test
    void unparsableEntryIsCompiled() throws Exception {
        byte[] bytes = written(List.of(CONDITION));
        // Overwrite the entry with bytes that are no CheckedExpr message, and give the store a valid checksum again.
        Arrays.fill(bytes, FIRST_ENTRY_BYTES, bytes.length - 32, (byte) 0xff);
        byte[] body = Arrays.copyOf(bytes, bytes.length - 32);
        System.arraycopy(sha256(body), 0, bytes, body.length, 32);

        CheckedConditions stored = read(bytes);

        assertThat(stored.size()).isEqualTo(1);
        assertThat(stored.find(CONDITION)).isNull();
        assertThat(status(ConditionLanguage.compile(CONDITION, "test", stored), 3)).isEqualTo("PASS");
    }

    @Test
    void keyDependsOnEnvironment() {
        byte[] environment = CheckedConditions.environment();
        byte[] other = environment.clone();
        other[0] ^= 0x01;

        assertThat(CheckedConditions.key(environment, CONDITION)).isNotEqualTo(CheckedConditions.key(other, CONDITION));
        assertThat(CheckedConditions.environment()).isEqualTo(environment);
    }

    private static byte[] written(List<String> expressions) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CheckedConditions.write(expressions, out);
        return out.toByteArray();
    }

    private static CheckedConditions read(byte[] bytes) throws IOException {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return CheckedConditions.read(in, "test bytes");
        }
    }

    /** Evaluates {@code condition} with {@code params.limit} set, and returns the verdict's status. */
    private static Object status(ConditionLanguage.CompiledCondition condition, long limit)
            throws CelEvaluationException {
        Map<String, Object> params = Map.of("limit", limit);
        Object verdict = condition.evaluate(name -> Optional.ofNullable(name.equals("params") ? params : null));
        return ((Map<?, ?>) verdict).get("verdict");
    }

    private static byte[] sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
