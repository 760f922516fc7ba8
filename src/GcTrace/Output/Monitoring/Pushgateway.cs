// The end-of-run part of the metrics output: PUT the final metrics to a Prometheus Pushgateway (a CI job's log file).
using System.Net.Http.Headers;
using System.Text;

namespace GcTrace.Output.Monitoring;

/// <summary>
/// The grouping key is the job plus every constant label, so runs of different services with one job name do not
/// replace each other, and a rerun of the same one does (PUT replaces the whole group). Label values travel base64url
/// encoded (<c>name@base64/value</c>), so a value with '/' or an empty one is safe in the path.
/// </summary>
public static class Pushgateway
{
    /// <summary>A push that takes longer than this has failed: the run is over and must not hang on a gateway.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private const string TextContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The URL of the group: BASE/metrics/job@base64/JOB[/LABEL@base64/VALUE]...</summary>
    public static Uri GroupUrl(Uri gateway, string job, IReadOnlyDictionary<string, string> labels)
    {
        var path = new StringBuilder(gateway.AbsoluteUri.TrimEnd('/')).Append("/metrics/job@base64/").Append(Base64Url(job));
        foreach (var (name, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            path.Append('/').Append(name).Append("@base64/").Append(Base64Url(value));
        return new Uri(path.ToString());
    }

    /// <summary>Pushes; returns null on success, else a one-line reason (the caller decides warning or failure).</summary>
    public static async Task<string?> PushAsync(GcMetrics metrics, Uri gateway, string job, IReadOnlyDictionary<string, string> labels, CancellationToken token)
    {
        var url = GroupUrl(gateway, job, labels);
        using var body = new MemoryStream();
        await metrics.WriteAsync(body, openMetrics: false, token).ConfigureAwait(false);
        using var http = new HttpClient { Timeout = Timeout };
        using var content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(TextContentType);
        try
        {
            using var response = await http.PutAsync(url, content, token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return null;
            var text = (await response.Content.ReadAsStringAsync(token).ConfigureAwait(false)).Trim();
            var firstLine = text.Split('\n')[0];
            return $"{(int)response.StatusCode} {response.ReasonPhrase}{(firstLine.Length > 0 ? ": " + firstLine : "")}";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
        catch (TaskCanceledException) when (!token.IsCancellationRequested)
        {
            return $"no answer within {(int)Timeout.TotalSeconds} s";
        }
    }

    // RFC 4648 §5 without padding; the Pushgateway accepts either.
    private static string Base64Url(string value) =>
        value.Length == 0 ? "=" : Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
