using System.Globalization;

namespace DigestSite.Lunr;

/// <summary>
/// ECMAScript number semantics that lunr.js output depends on: <c>Number.prototype.toString()</c>
/// (which <c>JSON.stringify</c> uses) and <c>Math.round</c>.
/// </summary>
public static class JsNumber
{
    /// <summary>Longest text <see cref="Format(double, Span{char})"/> writes.</summary>
    public const int MaxLength = 32;

    /// <summary>
    /// ECMAScript Number::toString(x): the shortest digits that round-trip, in fixed notation when
    /// the decimal exponent n satisfies -6 &lt; n ≤ 21, else as <c>1.5e+21</c> / <c>1e-7</c>.
    /// NaN and infinities are formatted as JS does ("NaN", "Infinity"); JSON.stringify writes them as null.
    /// </summary>
    public static string ToString(double value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..Format(value, buffer)]);
    }

    /// <summary>Writes <see cref="ToString(double)"/> into <paramref name="destination"/> (at least <see cref="MaxLength"/> chars); returns the length.</summary>
    public static int Format(double value, Span<char> destination)
    {
        if (value == 0) { destination[0] = '0'; return 1; } // also -0, which JS prints as "0"
        if (double.IsNaN(value)) { "NaN".CopyTo(destination); return 3; }
        if (double.IsInfinity(value))
        {
            var text = value > 0 ? "Infinity" : "-Infinity";
            text.CopyTo(destination);
            return text.Length;
        }

        if (TryFormatThousandths(value, destination, out int written)) return written;

        // .NET's "R" gives the same shortest round-trip digits as V8 (both pick the closest of the
        // shortest candidates); only the layout differs ("1E-07", "1.5E+21").
        Span<char> r = stackalloc char[MaxLength];
        value.TryFormat(r, out int rLength, "R", CultureInfo.InvariantCulture);
        r = r[..rLength];

        int pos = 0;
        bool negative = r[0] == '-';
        if (negative) r = r[1..];

        Span<char> digits = stackalloc char[MaxLength];
        int k = 0, pointPos = -1, exponent = 0;
        for (int i = 0; i < r.Length; i++)
        {
            char c = r[i];
            if (c == '.') { pointPos = k; continue; }
            if (c == 'E')
            {
                exponent = int.Parse(r[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            digits[k++] = c;
        }
        if (pointPos < 0) pointPos = k;
        // value = 0.d1d2...dk × 10^n, after dropping leading and trailing zeros
        int n = pointPos + exponent;
        int first = 0;
        while (first < k - 1 && digits[first] == '0') { first++; n--; }
        digits = digits[first..k];
        k = digits.Length;
        while (k > 1 && digits[k - 1] == '0') k--;
        digits = digits[..k];

        if (negative) destination[pos++] = '-';
        if (k <= n && n <= 21)
        {
            digits.CopyTo(destination[pos..]); pos += k;
            for (int i = 0; i < n - k; i++) destination[pos++] = '0';
        }
        else if (0 < n && n <= 21)
        {
            digits[..n].CopyTo(destination[pos..]); pos += n;
            destination[pos++] = '.';
            digits[n..].CopyTo(destination[pos..]); pos += k - n;
        }
        else if (-6 < n && n <= 0)
        {
            destination[pos++] = '0';
            destination[pos++] = '.';
            for (int i = 0; i < -n; i++) destination[pos++] = '0';
            digits.CopyTo(destination[pos..]); pos += k;
        }
        else
        {
            destination[pos++] = digits[0];
            if (k > 1)
            {
                destination[pos++] = '.';
                digits[1..].CopyTo(destination[pos..]); pos += k - 1;
            }
            destination[pos++] = 'e';
            int e = n - 1;
            destination[pos++] = e < 0 ? '-' : '+';
            Math.Abs(e).TryFormat(destination[pos..], out int ew, default, CultureInfo.InvariantCulture);
            pos += ew;
        }
        return pos;
    }

    // Fast path for the values lunr writes most: integers and scores rounded to 3 decimals
    // (lunr.Builder.createFieldVectors). If value is the double nearest to m/1000 with at most 15
    // significant digits, no other decimal of at most that many digits rounds to the same double,
    // so m/1000 with trailing zeros dropped is the shortest round-trip text.
    private static bool TryFormatThousandths(double value, Span<char> destination, out int written)
    {
        written = 0;
        double abs = Math.Abs(value);
        if (!(abs < 1e11)) return false;
        double m = Math.Round(abs * 1000);
        if (m / 1000 != abs) return false;
        long thousandths = (long)m;
        long whole = thousandths / 1000;
        int frac = (int)(thousandths % 1000);

        int pos = 0;
        if (value < 0) destination[pos++] = '-';
        whole.TryFormat(destination[pos..], out int w, default, CultureInfo.InvariantCulture);
        pos += w;
        if (frac != 0)
        {
            destination[pos++] = '.';
            destination[pos++] = (char)('0' + frac / 100);
            if (frac % 100 != 0)
            {
                destination[pos++] = (char)('0' + frac / 10 % 10);
                if (frac % 10 != 0) destination[pos++] = (char)('0' + frac % 10);
            }
        }
        written = pos;
        return true;
    }

    /// <summary>JS <c>Math.round</c>: nearest integer, ties towards +∞.</summary>
    public static double Round(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) return x;
        double r = Math.Floor(x);
        return x - r >= 0.5 ? r + 1 : r;
    }
}
