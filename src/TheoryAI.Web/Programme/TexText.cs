using System.Text;

namespace TheoryAI.Web.Programme;

/// <summary>
/// TeX maths as plain Unicode text, for outputs that cannot typeset it (the PDF booklet): <c>\hat{H}</c> becomes
/// "Ĥ", <c>\alpha^2</c> "α²", <c>\frac{a}{b}</c> "a/b". Commands it does not know are written without their backslash,
/// so nothing is lost, only less pretty. The booklet's fonts (Noto Sans with Noto Sans Math) hold these characters.
/// </summary>
public static class TexText
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["alpha"] = "α",
        ["beta"] = "β",
        ["gamma"] = "γ",
        ["delta"] = "δ",
        ["epsilon"] = "ϵ",
        ["varepsilon"] = "ε",
        ["zeta"] = "ζ",
        ["eta"] = "η",
        ["theta"] = "θ",
        ["vartheta"] = "ϑ",
        ["iota"] = "ι",
        ["kappa"] = "κ",
        ["lambda"] = "λ",
        ["mu"] = "μ",
        ["nu"] = "ν",
        ["xi"] = "ξ",
        ["pi"] = "π",
        ["rho"] = "ρ",
        ["sigma"] = "σ",
        ["tau"] = "τ",
        ["upsilon"] = "υ",
        ["phi"] = "ϕ",
        ["varphi"] = "φ",
        ["chi"] = "χ",
        ["psi"] = "ψ",
        ["omega"] = "ω",
        ["Gamma"] = "Γ",
        ["Delta"] = "Δ",
        ["Theta"] = "Θ",
        ["Lambda"] = "Λ",
        ["Xi"] = "Ξ",
        ["Pi"] = "Π",
        ["Sigma"] = "Σ",
        ["Upsilon"] = "Υ",
        ["Phi"] = "Φ",
        ["Psi"] = "Ψ",
        ["Omega"] = "Ω",
        ["hbar"] = "ℏ",
        ["ell"] = "ℓ",
        ["partial"] = "∂",
        ["nabla"] = "∇",
        ["infty"] = "∞",
        ["sum"] = "∑",
        ["prod"] = "∏",
        ["int"] = "∫",
        ["oint"] = "∮",
        ["leq"] = "≤",
        ["le"] = "≤",
        ["geq"] = "≥",
        ["ge"] = "≥",
        ["neq"] = "≠",
        ["ne"] = "≠",
        ["approx"] = "≈",
        ["sim"] = "∼",
        ["simeq"] = "≃",
        ["equiv"] = "≡",
        ["propto"] = "∝",
        ["times"] = "×",
        ["cdot"] = "·",
        ["pm"] = "±",
        ["mp"] = "∓",
        ["to"] = "→",
        ["rightarrow"] = "→",
        ["leftarrow"] = "←",
        ["Rightarrow"] = "⇒",
        ["leftrightarrow"] = "↔",
        ["mapsto"] = "↦",
        ["in"] = "∈",
        ["notin"] = "∉",
        ["subset"] = "⊂",
        ["subseteq"] = "⊆",
        ["cup"] = "∪",
        ["cap"] = "∩",
        ["forall"] = "∀",
        ["exists"] = "∃",
        ["langle"] = "⟨",
        ["rangle"] = "⟩",
        ["dagger"] = "†",
        ["otimes"] = "⊗",
        ["oplus"] = "⊕",
        ["ldots"] = "…",
        ["cdots"] = "⋯",
        ["dots"] = "…",
        ["log"] = "log",
        ["exp"] = "exp",
        ["sin"] = "sin",
        ["cos"] = "cos",
        ["tan"] = "tan",
        ["ln"] = "ln",
        ["min"] = "min",
        ["max"] = "max",
        ["lim"] = "lim",
        ["det"] = "det",
        ["Tr"] = "Tr",
        ["tr"] = "tr",
        ["quad"] = " ",
        ["qquad"] = "  ",
        [","] = " ",
        [";"] = " ",
        [":"] = " ",
        ["!"] = "",
        [" "] = " ",
        ["{"] = "{",
        ["}"] = "}",
        ["|"] = "‖",
        ["%"] = "%",
        ["$"] = "$",
        ["&"] = "&",
        ["_"] = "_",
        ["#"] = "#",
        ["left"] = "",
        ["right"] = "",
        ["big"] = "",
        ["Big"] = "",
        ["bigl"] = "",
        ["bigr"] = "",
    };

    private static readonly Dictionary<string, char> Accents = new(StringComparer.Ordinal)
    {
        ["hat"] = '\u0302',
        ["widehat"] = '\u0302',
        ["bar"] = '\u0304',
        ["overline"] = '\u0305',
        ["tilde"] = '\u0303',
        ["widetilde"] = '\u0303',
        ["vec"] = '\u20D7',
        ["dot"] = '\u0307',
        ["ddot"] = '\u0308',
    };

    private static readonly Dictionary<string, string> Letters = new(StringComparer.Ordinal)
    {
        ["mathbb:R"] = "ℝ",
        ["mathbb:C"] = "ℂ",
        ["mathbb:N"] = "ℕ",
        ["mathbb:Z"] = "ℤ",
        ["mathbb:Q"] = "ℚ",
        ["mathcal:L"] = "ℒ",
        ["mathcal:H"] = "ℋ",
        ["mathcal:O"] = "𝒪",
    };

    private const string SuperFrom = "0123456789+-=()ni";
    private const string SuperTo = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ";
    private const string SubFrom = "0123456789+-=()";
    private const string SubTo = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎";

    public static string ToReadable(string tex)
    {
        var position = 0;
        return Normalise(Group(tex, ref position, stopAtBrace: false));
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }
            builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }
        return builder.ToString().Trim();
    }

    /// <summary>Reads until the end or, inside braces, the closing brace.</summary>
    private static string Group(string tex, ref int i, bool stopAtBrace)
    {
        var output = new StringBuilder();
        while (i < tex.Length)
        {
            var c = tex[i];
            if (c == '}' && stopAtBrace)
            {
                i++;
                return output.ToString();
            }
            if (c == '{')
            {
                i++;
                output.Append(Group(tex, ref i, true));
            }
            else if (c == '^' || c == '_')
            {
                i++;
                output.Append(Script(Argument(tex, ref i), c == '^'));
            }
            else if (c == '\\')
            {
                i++;
                output.Append(Command(tex, ref i));
            }
            else
            {
                output.Append(c == '~' ? ' ' : c);
                i++;
            }
        }
        return output.ToString();
    }

    private static string Command(string tex, ref int i)
    {
        if (i >= tex.Length)
        {
            return "";
        }
        var start = i;
        if (char.IsAsciiLetter(tex[i]))
        {
            while (i < tex.Length && char.IsAsciiLetter(tex[i]))
            {
                i++;
            }
        }
        else
        {
            i++;
        }
        var name = tex[start..i];
        if (Accents.TryGetValue(name, out var accent))
        {
            var argument = Argument(tex, ref i);
            return argument.Length == 1 ? argument + accent : $"{argument}{accent}";
        }
        switch (name)
        {
            case "frac" or "dfrac" or "tfrac":
                var numerator = Argument(tex, ref i);
                var denominator = Argument(tex, ref i);
                return $"{Wrap(numerator)}/{Wrap(denominator)}";
            case "sqrt":
                return $"√{Wrap(Argument(tex, ref i))}";
            case "mathbb" or "mathcal":
                var letter = Argument(tex, ref i);
                return Letters.GetValueOrDefault($"{name}:{letter}", letter);
            case "text" or "mathrm" or "mathbf" or "mathit" or "mathsf" or "operatorname" or "boldsymbol" or "textrm" or "mbox":
                return Argument(tex, ref i);
        }
        if (Symbols.TryGetValue(name, out var symbol))
        {
            // A word-like operator keeps a space from the letter that follows ("\log x").
            return symbol.Length > 1 && char.IsLetter(symbol[0]) ? symbol + " " : symbol;
        }
        return name;
    }

    /// <summary>The next argument: a braced group, a command, or one character.</summary>
    private static string Argument(string tex, ref int i)
    {
        while (i < tex.Length && tex[i] == ' ')
        {
            i++;
        }
        if (i >= tex.Length)
        {
            return "";
        }
        if (tex[i] == '{')
        {
            i++;
            return Group(tex, ref i, true);
        }
        if (tex[i] == '\\')
        {
            i++;
            return Command(tex, ref i).TrimEnd();
        }
        return tex[i++].ToString();
    }

    private static string Script(string text, bool up)
    {
        var (from, to) = up ? (SuperFrom, SuperTo) : (SubFrom, SubTo);
        if (text.Length > 0 && text.All(c => from.Contains(c, StringComparison.Ordinal)))
        {
            return new string(text.Select(c => to[from.IndexOf(c, StringComparison.Ordinal)]).ToArray());
        }
        return (up ? "^" : "_") + (text.Length <= 1 ? text : $"({text})");
    }

    private static string Wrap(string text) => text.Length <= 1 || text.All(char.IsLetterOrDigit) ? text : $"({text})";
}
