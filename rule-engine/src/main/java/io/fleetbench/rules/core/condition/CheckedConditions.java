package io.fleetbench.rules.core.condition;

import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.expr.CheckedExpr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Type-checked rule conditions stored at build time, so that loading the bundled rules only plans each condition
 * instead of parsing and type-checking it again.
 *
 * <p>Each entry is a {@code CheckedExpr} protobuf message (the CEL checked-expression format, converted with
 * {@link CelProtoAbstractSyntaxTree}) keyed by the SHA-256 of the condition text and of the {@linkplain #environment
 * environment} the type-check ran in. A condition whose key is not stored, for example an organisation rule or an
 * edited bundled rule, is compiled as before. The stored form is not used where the resource is missing, truncated or
 * fails its checksum, or where an entry does not parse or plan. Those conditions are compiled instead, and the first
 * such problem is logged at DEBUG.
 *
 * <p>Resource layout, big-endian: the magic {@code FBCC}, a format version (int), the entry count (int), then per
 * entry a 32-byte key, a length (int) and that many bytes of {@code CheckedExpr}, and at the end the SHA-256 of all
 * bytes before it.
 */
public final class CheckedConditions {

    /** The class-path resource that the build writes and {@link #bundled()} reads. */
    public static final String RESOURCE = "io/fleetbench/rules/core/condition/checked-conditions.bin";

    private static final int MAGIC = 0x46424343;
    private static final int FORMAT_VERSION = 1;
    private static final int DIGEST_LENGTH = 32;
    private static final int MAX_ENTRIES = 100_000;

    /**
     * CEL classes whose bytes are part of the environment, so that a CEL upgrade on the class path invalidates every
     * stored entry: the checker, its standard declarations, the runtime's standard functions and the protobuf
     * converter. NOTE: a CEL release that leaves all four byte-identical but changes type-checking elsewhere would
     * keep the stored entries. CheckedConditionsTests compares them with a fresh type-check in every build.
     */
    private static final String[] CEL_CLASSES = {
            "dev/cel/checker/CelStandardDeclarations.class",
            "dev/cel/checker/CelCheckerLegacyImpl.class",
            "dev/cel/runtime/CelStandardFunctions.class",
            "dev/cel/common/CelProtoAbstractSyntaxTree.class",
    };

    private static final CheckedConditions NONE = new CheckedConditions(Map.of(), new byte[0], "no stored conditions");

    private final Map<ByteBuffer, byte[]> entries;
    private final byte[] environment;
    private final String origin;
    private final AtomicBoolean problemLogged = new AtomicBoolean();
    /** Conditions planned from this store, by text, because several bundled rules share a condition. */
    private final Map<String, ConditionLanguage.CompiledCondition> planned = new ConcurrentHashMap<>();

    private CheckedConditions(Map<ByteBuffer, byte[]> entries, byte[] environment, String origin) {
        this.entries = entries;
        this.environment = environment;
        this.origin = origin;
    }

    /** Returns an empty store, so every condition is compiled from its text. */
    public static CheckedConditions none() {
        return NONE;
    }

    /** Returns the conditions stored in this jar's {@link #RESOURCE}, read once per JVM. */
    public static CheckedConditions bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final CheckedConditions INSTANCE = load();

        private static CheckedConditions load() {
            try (InputStream in = CheckedConditions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    logDebug("Resource " + RESOURCE
                            + " not found, so the bundled rule conditions are compiled at start", null);
                    return none();
                }
                return read(in, RESOURCE);
            } catch (IOException e) {
                logDebug("Resource " + RESOURCE
                        + " could not be read, so the bundled rule conditions are compiled at start", e);
                return none();
            }
        }
    }

    /**
     * Reads a store in the resource layout from {@code in}. Returns an empty store, after one DEBUG log line naming
     * {@code origin}, when the bytes are not such a store or fail the checksum.
     */
    public static CheckedConditions read(InputStream in, String origin) throws IOException {
        byte[] bytes = in.readAllBytes();
        try {
            return parse(bytes, origin);
        } catch (InvalidStoreException e) {
            logDebug("Stored rule conditions in " + origin + " are invalid ("
                    + e.getMessage() + "), so the conditions are compiled at start", null);
            return none();
        }
    }

    private static CheckedConditions parse(byte[] bytes, String origin) throws InvalidStoreException {
        if (bytes.length < 12 + DIGEST_LENGTH) {
            throw new InvalidStoreException("too short: " + bytes.length + " bytes");
        }
        int bodyLength = bytes.length - DIGEST_LENGTH;
        byte[] expectedDigest = Arrays.copyOfRange(bytes, bodyLength, bytes.length);
        if (!MessageDigest.isEqual(expectedDigest, sha256().digest(Arrays.copyOf(bytes, bodyLength)))) {
            throw new InvalidStoreException("checksum mismatch");
        }
        Map<ByteBuffer, byte[]> entries = new HashMap<>();
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes, 0, bodyLength))) {
            if (data.readInt() != MAGIC) {
                throw new InvalidStoreException("invalid magic number");
            }
            int version = data.readInt();
            if (version != FORMAT_VERSION) {
                throw new InvalidStoreException("unsupported format version " + version + ", expected " + FORMAT_VERSION);
            }
            int count = data.readInt();
            if (count < 0 || count > MAX_ENTRIES) {
                throw new InvalidStoreException("invalid entry count " + count);
            }
            for (int i = 0; i < count; i++) {
                byte[] key = new byte[DIGEST_LENGTH];
                data.readFully(key);
                int length = data.readInt();
                if (length < 0 || length > bodyLength) {
                    throw new InvalidStoreException("entry " + i + " has invalid length " + length);
                }
                byte[] checkedExpr = new byte[length];
                data.readFully(checkedExpr);
                entries.put(ByteBuffer.wrap(key), checkedExpr);
            }
            if (data.available() > 0) {
                throw new InvalidStoreException(data.available() + " bytes after the last entry");
            }
        } catch (EOFException e) {
            throw new InvalidStoreException("last entry truncated");
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory failed", e);
        }
        return new CheckedConditions(Map.copyOf(entries), environment(), origin);
    }

    /**
     * Type-checks each of {@code expressions} and writes them to {@code out} in the resource layout.
     *
     * @throws InvalidConditionException if an expression does not compile
     */
    public static void write(Collection<String> expressions, OutputStream out) throws IOException {
        byte[] environment = environment();
        Map<ByteBuffer, byte[]> entries = new TreeMap<>();
        for (String expression : expressions) {
            CelAbstractSyntaxTree ast = ConditionLanguage.check(expression, "Bundled condition '" + expression + "'");
            byte[] checkedExpr = CelProtoAbstractSyntaxTree.fromCelAst(ast).toCheckedExpr().toByteArray();
            entries.put(ByteBuffer.wrap(key(environment, expression)), checkedExpr);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(body)) {
            data.writeInt(MAGIC);
            data.writeInt(FORMAT_VERSION);
            data.writeInt(entries.size());
            for (Map.Entry<ByteBuffer, byte[]> entry : entries.entrySet()) {
                data.write(entry.getKey().array());
                data.writeInt(entry.getValue().length);
                data.write(entry.getValue());
            }
        }
        byte[] bytes = body.toByteArray();
        out.write(bytes);
        out.write(sha256().digest(bytes));
    }

    /** Returns the number of stored conditions. */
    public int size() {
        return entries.size();
    }

    /**
     * Returns the stored checked syntax tree of {@code expression}, or {@code null} where none is stored for this
     * text and environment or the stored entry does not parse.
     */
    @Nullable CelAbstractSyntaxTree find(String expression) {
        if (entries.isEmpty()) {
            return null;
        }
        byte[] checkedExpr = entries.get(ByteBuffer.wrap(key(environment, expression)));
        if (checkedExpr == null) {
            return null;
        }
        try {
            CheckedExpr parsed = CheckedExpr.parseFrom(checkedExpr, ExtensionRegistry.getEmptyRegistry());
            return CelProtoAbstractSyntaxTree.fromCheckedExpr(parsed).getAst();
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            reportUnusable(expression, e);
            return null;
        }
    }

    /** Returns the condition planned earlier from this store's entry for {@code expression}, if any. */
    ConditionLanguage.@Nullable CompiledCondition planned(String expression) {
        return planned.get(expression);
    }

    /** Keeps {@code condition}, planned from this store's entry, for later rules with the same text. */
    void rememberPlanned(ConditionLanguage.CompiledCondition condition) {
        planned.putIfAbsent(condition.expression(), condition);
    }

    /** Logs, once per store, that the stored form of {@code expression} failed and the condition is compiled. */
    void reportUnusable(String expression, Exception e) {
        if (problemLogged.compareAndSet(false, true)) {
            logDebug("Stored form of condition '" + expression + "' in " + origin
                    + " cannot be used, so it is compiled; later failures of this store are not logged", e);
        }
    }

    /**
     * Returns the SHA-256 of what a type-check depends on besides the condition: {@link
     * ConditionLanguage#environmentDescription()} and the bytes of a few CEL classes, which change with the CEL
     * version.
     */
    static byte[] environment() {
        MessageDigest digest = sha256();
        digest.update(ConditionLanguage.environmentDescription().getBytes(StandardCharsets.UTF_8));
        ClassLoader loader = CheckedConditions.class.getClassLoader();
        for (String celClass : CEL_CLASSES) {
            digest.update(celClass.getBytes(StandardCharsets.UTF_8));
            try (InputStream in = loader.getResourceAsStream(celClass)) {
                digest.update(in == null ? new byte[] {0} : in.readAllBytes());
            } catch (IOException e) {
                // No build reads an unreadable class file, so this marker gives an environment with no stored entries.
                digest.update("unreadable".getBytes(StandardCharsets.UTF_8));
            }
        }
        return digest.digest();
    }

    /** Returns the key of {@code expression} type-checked in {@code environment}. */
    static byte[] key(byte[] environment, String expression) {
        MessageDigest digest = sha256();
        digest.update(environment);
        digest.update(expression.getBytes(StandardCharsets.UTF_8));
        return digest.digest();
    }

    /**
     * Logs at DEBUG. The logger is looked up here rather than in a static field because finding the platform's
     * logger takes tens of milliseconds at start, which a store that works never needs to spend.
     */
    private static void logDebug(String message, @Nullable Throwable cause) {
        System.getLogger(CheckedConditions.class.getName()).log(System.Logger.Level.DEBUG, message, cause);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "CheckedConditions[" + origin + ", " + entries.size() + " entries]";
    }

    /** Thrown while parsing bytes that are not a valid store. */
    private static final class InvalidStoreException extends Exception {
        InvalidStoreException(String message) {
            super(message);
        }
    }
}
