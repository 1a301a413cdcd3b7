namespace DigestSite;

/// <summary>A step of the build ("Rendering pages") and, for counted steps, how far it is (Total 0: not counted).</summary>
public sealed record BuildProgress(string Step, int Done, int Total);
