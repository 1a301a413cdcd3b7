namespace DigestSite.Content;

/// <summary>Links in content must be absolute http(s) URLs: nothing relative, no javascript: or data:.</summary>
public static class WebAddress
{
    public static Uri? ParseHttp(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0
            ? uri
            : null;
}
