package io.fleetbench.rules.core.condition;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The fields of {@code target} and {@code image} that one condition reads. A condition is a pure function of its
 * variables, and every variable other than {@code target} and {@code image} is the same for all targets of one
 * snapshot. So two targets that agree on these fields get the same verdict and reason, and {@link ConditionCheck}
 * evaluates a condition once per distinct {@link #key key} of a snapshot, such as once for ten replicas of a
 * service.
 */
final class TargetReads {

    private static final String TARGET = "target";
    private static final String IMAGE = "image";

    /** Stands for a field that the map does not contain, which {@code has()} distinguishes from any value. */
    private static final Object ABSENT = new Object();

    private final String[] targetFields;
    private final String[] imageFields;

    private TargetReads(Set<String> targetFields, Set<String> imageFields) {
        this.targetFields = targetFields.toArray(String[]::new);
        this.imageFields = imageFields.toArray(String[]::new);
    }

    /**
     * Finds the fields that the checked expression {@code ast} selects from {@code target} and {@code image}, or
     * returns {@code null} where it uses either variable in another way, such as {@code cel.bind(t, target, ...)},
     * because then any field may decide the result.
     */
    static @Nullable TargetReads of(CelAbstractSyntaxTree ast) {
        Set<String> targetFields = new TreeSet<>();
        Set<String> imageFields = new TreeSet<>();
        Iterator<CelNavigableExpr> nodes = CelNavigableAst.fromAst(ast).getRoot().allNodes().iterator();
        while (nodes.hasNext()) {
            CelNavigableExpr node = nodes.next();
            if (node.getKind() != CelExpr.ExprKind.Kind.IDENT) {
                continue;
            }
            String name = node.expr().ident().name();
            if (!name.equals(TARGET) && !name.equals(IMAGE)) {
                continue;
            }
            // A comprehension variable of the same name is over-approximated here, which only adds fields to the key.
            Optional<CelNavigableExpr> parent = node.parent();
            if (parent.isEmpty() || parent.get().getKind() != CelExpr.ExprKind.Kind.SELECT) {
                return null;
            }
            String field = parent.get().expr().select().field();
            (name.equals(TARGET) ? targetFields : imageFields).add(field);
        }
        return new TargetReads(targetFields, imageFields);
    }

    /** Returns the key of one target: the values of the read fields, compared in order and by value. */
    Object key(Map<String, Object> target, Map<String, Object> image) {
        Object[] values = new Object[targetFields.length + imageFields.length];
        for (int i = 0; i < targetFields.length; i++) {
            values[i] = target.getOrDefault(targetFields[i], ABSENT);
        }
        for (int i = 0; i < imageFields.length; i++) {
            values[targetFields.length + i] = image.getOrDefault(imageFields[i], ABSENT);
        }
        int hash = 1;
        for (Object value : values) {
            hash = 31 * hash + orderedHash(value);
        }
        return new ValuesKey(values, hash);
    }

    List<String> targetFields() {
        return List.of(targetFields);
    }

    List<String> imageFields() {
        return List.of(imageFields);
    }

    /**
     * Field values compared deeply, with maps compared entry by entry in iteration order: a condition may join a
     * map's entries into its reason, so two maps with equal entries in another order are different inputs.
     */
    private static final class ValuesKey {

        private final Object[] values;
        private final int hash;

        ValuesKey(Object[] values, int hash) {
            this.values = values;
            this.hash = hash;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof ValuesKey key) || key.hash != hash || key.values.length != values.length) {
                return false;
            }
            for (int i = 0; i < values.length; i++) {
                if (!orderedEquals(values[i], key.values[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    /**
     * Returns a hash consistent with {@link #orderedEquals}: maps and lists hash their elements in order. The maps and
     * lists of {@link SnapshotValues} compute theirs once.
     */
    static int orderedHash(@Nullable Object value) {
        if (value instanceof SnapshotValues.ValueMap map) {
            return map.orderedHash();
        }
        if (value instanceof SnapshotValues.ValueList list) {
            return list.orderedHash();
        }
        if (value instanceof Map<?, ?> map) {
            return orderedHashOfEntries(map);
        }
        if (value instanceof List<?> list) {
            return orderedHashOfElements(list);
        }
        return value == null ? 0 : value.hashCode();
    }

    static int orderedHashOfEntries(Map<?, ?> map) {
        int result = 1;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            result = 31 * (31 * result + entry.getKey().hashCode()) + orderedHash(entry.getValue());
        }
        return result;
    }

    static int orderedHashOfElements(List<?> list) {
        int result = 1;
        for (Object element : list) {
            result = 31 * result + orderedHash(element);
        }
        return result;
    }

    /** Compares two condition values deeply, with map entries compared in iteration order. */
    static boolean orderedEquals(@Nullable Object left, @Nullable Object right) {
        if (left == right) {
            return true;
        }
        if (left instanceof Map<?, ?> leftMap && right instanceof Map<?, ?> rightMap) {
            if (leftMap.size() != rightMap.size()) {
                return false;
            }
            Iterator<? extends Map.Entry<?, ?>> rightEntries = rightMap.entrySet().iterator();
            for (Map.Entry<?, ?> leftEntry : leftMap.entrySet()) {
                Map.Entry<?, ?> rightEntry = rightEntries.next();
                if (!leftEntry.getKey().equals(rightEntry.getKey())
                        || !orderedEquals(leftEntry.getValue(), rightEntry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (left instanceof List<?> leftList && right instanceof List<?> rightList) {
            if (leftList.size() != rightList.size()) {
                return false;
            }
            for (int i = 0; i < leftList.size(); i++) {
                if (!orderedEquals(leftList.get(i), rightList.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (left instanceof Map<?, ?> || right instanceof Map<?, ?> || left instanceof List<?>
                || right instanceof List<?>) {
            return false;
        }
        return left != null && left.equals(right);
    }
}
