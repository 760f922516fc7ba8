// --metrics-listen ADDR: "127.0.0.1:9464", "[::1]:9464", or ":9464" for every interface.
using System.Globalization;

namespace GcTrace.Output.Monitoring;

/// <param name="Host">An IP address or host name; "*" for every interface.</param>
public sealed record ListenAddress(string Host, int Port)
{
    public const string AnyHost = "*";

    /// <summary>Parses HOST:PORT or :PORT; a bad value is a <see cref="FormatException"/> with a one-line message.</summary>
    public static ListenAddress Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0) throw new FormatException($"--metrics-listen '{text}': expected HOST:PORT or :PORT, e.g. 127.0.0.1:9464");
        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        else if (host.Contains(':', StringComparison.Ordinal)) throw new FormatException($"--metrics-listen '{text}': write an IPv6 address in brackets, e.g. [::1]:9464");
        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new FormatException($"--metrics-listen '{text}': the port must be 1-65535");
        return new ListenAddress(host is "" or "0.0.0.0" or "::" ? AnyHost : host, port);
    }

    /// <summary>The HttpListener prefix; IPv6 literals go back into brackets.</summary>
    internal string Prefix => $"http://{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port.ToString(CultureInfo.InvariantCulture)}/";

    public override string ToString() => $"{(Host == AnyHost ? "" : Host)}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
