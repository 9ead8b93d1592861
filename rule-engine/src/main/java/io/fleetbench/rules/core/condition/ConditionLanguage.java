package io.fleetbench.rules.core.condition;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The CEL environment of rule conditions: the variables a condition reads, the verdict functions it returns and the
 * few Java functions CEL lacks. A condition must type-check to {@code map(string, string)}, the shape the verdict
 * functions return. docs/rules.md documents the variables and functions for rule authors.
 */
public final class ConditionLanguage {

    /** The variables every condition may read, all maps from string to CEL values. */
    static final List<String> VARIABLES = List.of("snapshot", "engine", "daemon", "host", "target", "image", "params");

    private static final CelType VALUES = MapType.create(SimpleType.STRING, SimpleType.DYN);
    private static final CelType VERDICT = MapType.create(SimpleType.STRING, SimpleType.STRING);

    /** The CEL options of compilation and evaluation. */
    private static final CelOptions OPTIONS = CelOptions.current()
            .unwrapWellKnownTypesOnFunctionDispatch(false)
            .build();

    /**
     * The names of the CEL extension libraries that {@link #build()} adds, recorded by {@link #environmentDescription}.
     * Change this list together with those libraries.
     */
    private static final List<String> EXTENSIONS = List.of("strings", "bindings");

    /** The functions a condition may call beyond CEL's standard library and {@link #EXTENSIONS}. */
    private static final List<CelFunctionDecl> FUNCTIONS = functionDeclarations();

    private static final Cel CEL = build();

    private ConditionLanguage() {
    }

    private static List<CelFunctionDecl> functionDeclarations() {
        List<CelFunctionDecl> functions = new ArrayList<>();
        for (String status : List.of("pass", "warn", "info", "note")) {
            functions.add(CelFunctionDecl.newFunctionDeclaration(status,
                    CelOverloadDecl.newGlobalOverload(status + "_string", VERDICT, SimpleType.STRING)));
        }
        functions.addAll(List.of(
                CelFunctionDecl.newFunctionDeclaration("modeWithin", CelOverloadDecl.newGlobalOverload(
                        "modeWithin_int_int", SimpleType.BOOL, SimpleType.INT, SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("octal", CelOverloadDecl.newGlobalOverload(
                        "octal_int", SimpleType.STRING, SimpleType.INT)),
                CelFunctionDecl.newFunctionDeclaration("pathWithin", CelOverloadDecl.newGlobalOverload(
                        "pathWithin_string_string", SimpleType.BOOL, SimpleType.STRING, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("pathWithinAny", CelOverloadDecl.newGlobalOverload(
                        "pathWithinAny_string_list", SimpleType.BOOL, SimpleType.STRING,
                        ListType.create(SimpleType.DYN))),
                CelFunctionDecl.newFunctionDeclaration("imageName", CelOverloadDecl.newGlobalOverload(
                        "imageName_string", SimpleType.STRING, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("portNumber", CelOverloadDecl.newGlobalOverload(
                        "portNumber_string", SimpleType.INT, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("normalPath", CelOverloadDecl.newGlobalOverload(
                        "normalPath_string", SimpleType.STRING, SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("auditWatched", CelOverloadDecl.newGlobalOverload(
                        "auditWatched_list_string", SimpleType.BOOL, ListType.create(SimpleType.DYN),
                        SimpleType.STRING)),
                CelFunctionDecl.newFunctionDeclaration("isTrue", CelOverloadDecl.newGlobalOverload(
                        "isTrue_dyn", SimpleType.BOOL, SimpleType.DYN)),
                CelFunctionDecl.newFunctionDeclaration("isFalse", CelOverloadDecl.newGlobalOverload(
                        "isFalse_dyn", SimpleType.BOOL, SimpleType.DYN))));
        return List.copyOf(functions);
    }

    private static Cel build() {
        var builder = CelFactory.standardCelBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelExtensions.strings(), CelExtensions.bindings())
                .addRuntimeLibraries(CelExtensions.strings())
                .addFunctionDeclarations(FUNCTIONS);
        for (String variable : VARIABLES) {
            builder.addVar(variable, VALUES);
        }
        for (String status : List.of("pass", "warn", "info", "note")) {
            String verdict = status.toUpperCase(java.util.Locale.ROOT);
            builder.addFunctionBindings(CelFunctionBinding.from(status + "_string", String.class,
                    reason -> ConditionFunctions.verdict(verdict, reason)));
        }
        builder.addFunctionBindings(
                CelFunctionBinding.from("modeWithin_int_int", Long.class, Long.class, ConditionFunctions::modeWithin),
                CelFunctionBinding.from("octal_int", Long.class, ConditionFunctions::octal),
                CelFunctionBinding.from("pathWithin_string_string", String.class, String.class,
                        ConditionFunctions::pathWithin),
                CelFunctionBinding.from("pathWithinAny_string_list", String.class, List.class,
                        ConditionFunctions::pathWithinAny),
                CelFunctionBinding.from("imageName_string", String.class, ConditionFunctions::imageName),
                CelFunctionBinding.from("portNumber_string", String.class, ConditionFunctions::portNumber),
                CelFunctionBinding.from("normalPath_string", String.class, ConditionFunctions::normalize),
                CelFunctionBinding.from("auditWatched_list_string", List.class, String.class,
                        ConditionFunctions::auditWatched),
                CelFunctionBinding.from("isTrue_dyn", Object.class, ConditionFunctions::isTrue),
                CelFunctionBinding.from("isFalse_dyn", Object.class, ConditionFunctions::isFalse));
        return builder.build();
    }

    /**
     * Describes everything a condition's type-check depends on besides its text: the variables and their types, the
     * declared functions with their overloads, the options, macros and extension libraries. {@link CheckedConditions}
     * keys stored checked expressions by it, so a change to any of these makes the stored form unusable.
     */
    static String environmentDescription() {
        StringBuilder description = new StringBuilder();
        for (String variable : VARIABLES) {
            description.append("var ").append(variable).append(": ").append(VALUES).append('\n');
        }
        for (CelFunctionDecl function : FUNCTIONS) {
            description.append("function ").append(function).append('\n');
        }
        description.append("options ").append(OPTIONS).append('\n');
        description.append("macros ").append(CelStandardMacro.STANDARD_MACROS).append('\n');
        description.append("extensions ").append(EXTENSIONS).append('\n');
        description.append("verdict ").append(VERDICT).append('\n');
        return description.toString();
    }

    /**
     * Compiles and type-checks {@code expression}.
     *
     * @param where what the condition belongs to, for the error message, such as
     *     {@code Rule file benchmarks/rules/daemon.yaml: rule log-level-info}
     * @throws InvalidConditionException if the expression does not parse, names an unknown variable or function,
     *     or does not return a verdict
     */
    public static CompiledCondition compile(String expression, String where) {
        return plan(expression, where, check(expression, where));
    }

    /**
     * Plans {@code expression} from its checked form in {@code stored} where it contains one for the same text and
     * environment, and otherwise compiles it as {@link #compile(String, String)} does. A condition planned from
     * {@code stored} is planned once and returned again for the same text.
     *
     * @throws InvalidConditionException if the expression is not stored and does not compile
     */
    public static CompiledCondition compile(String expression, String where, CheckedConditions stored) {
        CompiledCondition planned = stored.planned(expression);
        if (planned != null) {
            return planned;
        }
        CelAbstractSyntaxTree ast = stored.find(expression);
        if (ast != null) {
            try {
                requireVerdict(ast, where);
                CompiledCondition condition = plan(expression, where, ast);
                stored.rememberPlanned(condition);
                return condition;
            } catch (RuntimeException e) {
                // Covers InvalidConditionException and CEL's own unchecked errors on a stored tree it cannot plan.
                stored.reportUnusable(expression, e);
            }
        }
        return compile(expression, where);
    }

    /**
     * Parses and type-checks {@code expression}, and returns its checked syntax tree.
     *
     * @throws InvalidConditionException if the expression does not parse, names an unknown variable or function,
     *     or does not return a verdict
     */
    static CelAbstractSyntaxTree check(String expression, String where) {
        CelValidationResult result = CEL.compile(expression);
        if (result.hasError()) {
            throw new InvalidConditionException(where + ": condition does not compile: "
                    + result.getErrorString().strip());
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = result.getAst();
        } catch (CelValidationException e) {
            throw new InvalidConditionException(where + ": condition does not compile: " + e.getMessage(), e);
        }
        requireVerdict(ast, where);
        return ast;
    }

    private static void requireVerdict(CelAbstractSyntaxTree ast, String where) {
        CelType type = ast.getResultType();
        boolean returnsVerdict = type.equals(VERDICT) || type.kind() == CelKind.DYN;
        if (!returnsVerdict) {
            throw new InvalidConditionException(where + ": condition returns " + type.name()
                    + ", but it must return a verdict: pass(reason), warn(reason), info(reason) or note(reason)");
        }
    }

    private static CompiledCondition plan(String expression, String where, CelAbstractSyntaxTree ast) {
        try {
            return new CompiledCondition(expression, CEL.createProgram(ast), TargetReads.of(ast));
        } catch (CelEvaluationException e) {
            throw new InvalidConditionException(where + ": condition cannot be planned: " + e.getMessage(), e);
        }
    }

    /** A condition compiled once, at catalogue load, and evaluated for every target. */
    public static final class CompiledCondition {

        private final String expression;
        private final CelRuntime.Program program;
        private final @Nullable TargetReads reads;

        CompiledCondition(String expression, CelRuntime.Program program, @Nullable TargetReads reads) {
            this.expression = expression;
            this.program = program;
            this.reads = reads;
        }

        public String expression() {
            return expression;
        }

        /**
         * Returns the fields of {@code target} and {@code image} that decide the result, or {@code null} where the
         * condition uses either variable as a whole.
         */
        @Nullable TargetReads reads() {
            return reads;
        }

        /**
         * Evaluates the condition with {@code variables} bound.
         *
         * @throws CelEvaluationException if evaluation fails, such as a missing map key
         */
        Object evaluate(CelVariableResolver variables) throws CelEvaluationException {
            // A resolver looks variables up on demand; passing a map makes the runtime copy it per call.
            return program.eval(variables);
        }
    }
}
