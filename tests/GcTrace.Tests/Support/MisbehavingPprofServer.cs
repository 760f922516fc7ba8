// A real HTTP server on 127.0.0.1 that plays a net/http/pprof endpoint going wrong in one chosen way, for --pprof tests.
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GcTrace.Tests.Support;

public enum PprofFault
{
    /// <summary>Announces a full profile, sends part of it and closes the connection (the application exited).</summary>
    ClosesMidBody,

    /// <summary>Sends bytes without end (no Content-Length) until the client goes away.</summary>
    StreamsEndlessly,

    /// <summary>Sends the headers and a few bytes, then nothing, keeping the connection open.</summary>
    Hangs,

    /// <summary>Serves a small gzip file that inflates to <see cref="MisbehavingPprofServer.BombBytes"/> of zeros.</summary>
    GzipBomb,
}

/// <summary>
/// Plain TcpListener so each fault is exact (HttpListener would fix up lengths and chunking). It answers every
/// request the same way, counts them, and stops by itself after <see cref="Lifetime"/> at the latest.
/// </summary>
public sealed class MisbehavingPprofServer : IAsyncDisposable
{
    /// <summary>The bomb inflates to 2 GiB, eight times the reader's 256 MiB cap (docs/output-contract.md), so only a reader
    /// that stops at the cap survives it.</summary>
    public const long BombBytes = 2L << 30;

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    private static readonly Lazy<byte[]> Bomb = new(() => File.ReadAllBytes(BombFile()));

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new(Lifetime);
    private readonly PprofFault fault;
    private readonly Task serving;
    private int requests;

    public MisbehavingPprofServer(PprofFault fault)
    {
        this.fault = fault;
        listener.Start();
        serving = Task.Run(AcceptAsync);
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public int Requests => Volatile.Read(ref requests);

    /// <summary>A gzip file that inflates to <see cref="BombBytes"/> zeros (about 2 MB), written once per test run. It is
    /// one gzip member of 1 MiB of zeros repeated (gzip readers inflate every member), so making it costs no CPU.</summary>
    public static string BombFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gctrace-bomb-{BombBytes}.pb.gz");
        if (File.Exists(path)) return path;
        using var member = new MemoryStream();
        using (var gzip = new GZipStream(member, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(new byte[1 << 20]);
        var partial = path + "." + Environment.ProcessId;
        using (var file = File.Create(partial))
        {
            for (long inflated = 0; inflated < BombBytes; inflated += 1 << 20) file.Write(member.GetBuffer(), 0, (int)member.Length);
        }
        File.Move(partial, path, overwrite: true);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await serving;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadRequestAsync(stream);
                Interlocked.Increment(ref requests);
                switch (fault)
                {
                    case PprofFault.ClosesMidBody:
                        await SendAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n");
                        await stream.WriteAsync(new byte[1000], stop.Token);
                        client.Client.Shutdown(SocketShutdown.Both);
                        break;
                    case PprofFault.StreamsEndlessly:
                        await SendAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n");
                        var block = new byte[64 << 10];
                        while (!stop.IsCancellationRequested) await stream.WriteAsync(block, stop.Token);
                        break;
                    case PprofFault.Hangs:
                        await SendAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n");
                        await stream.WriteAsync(new byte[10], stop.Token);
                        await Task.Delay(Timeout.Infinite, stop.Token);
                        break;
                    case PprofFault.GzipBomb:
                        var bomb = Bomb.Value;
                        await SendAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {bomb.Length}\r\nConnection: close\r\n\r\n");
                        await stream.WriteAsync(bomb, stop.Token);
                        break;
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or the server is stopping: both are normal ends here.
            }
        }
    }

    private Task SendAsync(NetworkStream stream, string head) => stream.WriteAsync(Encoding.ASCII.GetBytes(head), stop.Token).AsTask();

    private async Task ReadRequestAsync(NetworkStream stream)
    {
        var seen = new StringBuilder();
        var buffer = new byte[4096];
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer, stop.Token);
            if (n == 0) throw new IOException("client closed before sending a request");
            seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
    }
}
