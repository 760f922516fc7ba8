// ProfileReaderTests: every format Go writes is read into the same model, and broken input fails with file and stage.
using System.IO.Compression;
using GcTrace.Tests.Support.Oracles;
using GcTrace.Profiles;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Profiles;

public sealed class ProfileReaderTests
{
    public static IEnumerable<object[]> HeapDebug1() => Corpus.HeapDebug1Files();

    public static IEnumerable<object[]> GoroutineDebug1() => Corpus.GoroutineDebug1Files();

    [Fact]
    public void Read_HeapDebug1Text_TopRowsEqualOracleOfProtoFromSameCycle()
    {
        // pprof cannot symbolize legacy text without the binary (it prints "<unknown>"), so the oracle is pprof on the
        // proto fetched together with the text. Only in `steady` do both reflect the same records (elsewhere the fetch
        // itself allocated in between); there the rows, inline labels included, must agree.
        var path = Corpus.File("go1.19", "steady", "heap-004.debug1.txt");
        var oracle = PprofOracle.Load(path.Replace(".debug1.txt", ".inuse_space.nf0.top.txt", StringComparison.Ordinal));

        var profile = ProfileReader.ReadFile(path);
        var table = TopTable.Compute(profile, "inuse_space");

        TopTableFormatter.FormatRows(table).Should().Equal(oracle.Rows);
    }

    [Theory]
    [MemberData(nameof(HeapDebug1))]
    public void Read_HeapDebug1Text_HasPprofSampleTypesAndHalfHeaderRate(string relative)
    {
        var path = Path.Combine(RepoPaths.Corpus, relative);
        var header = File.ReadLines(path).First();
        var rate = long.Parse(header[(header.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        var profile = ProfileReader.ReadFile(path);

        profile.SampleTypes.Select(t => t.Type).Should().Equal("alloc_objects", "alloc_space", "inuse_objects", "inuse_space");
        profile.Period.Should().Be(rate / 2);
        profile.Samples.Should().OnlyContain(s => s.Stack.Count > 0 && s.Stack.All(f => f.Function.Length > 0));
    }

    [Fact]
    public void Read_GzippedAndPlainProtobuf_GiveTheSameProfile()
    {
        var path = Corpus.File("go1.19", "steady", "heap-005.pb.gz");
        using var plain = new MemoryStream();
        using (var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress))
        {
            gzip.CopyTo(plain);
        }

        plain.Position = 0;
        var fromPlain = ProfileReader.Read(plain, "heap-005.pb");
        var fromGzip = ProfileReader.ReadFile(path);

        fromPlain.Samples.Should().BeEquivalentTo(fromGzip.Samples);
        fromPlain.SampleTypes.Should().Equal(fromGzip.SampleTypes);
        fromGzip.Period.Should().Be(512 * 1024);
        fromGzip.Time.Should().NotBeNull();
    }

    [Fact]
    public void Read_TruncatedGzip_ThrowsNamingFileAndGzipStage()
    {
        var bytes = File.ReadAllBytes(Corpus.File("go1.19", "steady", "heap-005.pb.gz"));

        var act = () => ProfileReader.Read(new MemoryStream(bytes[..(bytes.Length / 2)]), "heap-005.pb.gz");

        act.Should().Throw<ProfileFormatException>().WithMessage("heap-005.pb.gz: gzip stream truncated*");
    }

    [Fact]
    public void Read_CorruptGzipBody_ThrowsNamingFileAndGzipStage()
    {
        var bytes = File.ReadAllBytes(Corpus.File("go1.19", "steady", "heap-005.pb.gz"));
        for (var i = 20; i < bytes.Length - 8; i += 7)
        {
            bytes[i] ^= 0x5a;
        }

        var act = () => ProfileReader.Read(new MemoryStream(bytes), "heap-005.pb.gz");

        act.Should().Throw<ProfileFormatException>().WithMessage("heap-005.pb.gz: *gzip*");
    }

    [Fact]
    public void Read_Garbage_ThrowsNamingFileAndStage()
    {
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);
        garbage[0] = 0xff; // not gzip, not text

        var act = () => ProfileReader.Read(new MemoryStream(garbage), "garbage.bin");

        act.Should().Throw<ProfileFormatException>()
            .Where(e => e.SourceName == "garbage.bin")
            .WithMessage("garbage.bin: not a gzip, protobuf or known text profile*");
    }

    [Fact]
    public void Read_TruncatedHeapText_ThrowsNamingFileAndLine()
    {
        var text = File.ReadAllText(Corpus.File("go1.19", "steady", "heap-004.debug1.txt"));
        var cut = text[..text.IndexOf(" @ 0x", 200, StringComparison.Ordinal)] + " @";
        cut = cut[..(cut.LastIndexOf('\n') + 1)] + "12: 34 [56";

        var act = () => ProfileReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(cut)), "heap-004.debug1.txt");

        act.Should().Throw<ProfileFormatException>().WithMessage("heap-004.debug1.txt: heap text line * not recognized");
    }

    [Fact]
    public void Read_GzipBomb_IsRefusedWithinBoundedMemory()
    {
        const long cap = 1 << 20;
        var bomb = GzipOfZeros(64L << 20); // 64 MiB of zeros, about 64 KiB compressed
        var before = GC.GetAllocatedBytesForCurrentThread();

        var act = () => ProfileReader.Read(new MemoryStream(bomb), "bomb.pb.gz", new ProfileReaderOptions { MaxDecompressedBytes = cap });

        act.Should().Throw<ProfileFormatException>().WithMessage("bomb.pb.gz: gzip stream exceeds the 1048576 byte decompression limit*");
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(16L << 20);
    }

    [Fact]
    public void Read_GoroutineProto_DerivesWaitStatesFromRuntimeFrames()
    {
        var profile = ProfileReader.ReadFile(Corpus.File("go1.19", "steady", "goroutine-005.pb.gz"));

        profile.SampleTypes.Should().Equal(new ProfileValueType("goroutine", "count"));
        profile.Samples.Should().OnlyContain(s => s.WaitState != null);
        profile.Samples.Where(s => s.Stack.Any(f => f.Function == "internal/poll.runtime_pollWait"))
            .Should().NotBeEmpty().And.OnlyContain(s => s.WaitState == "IO wait");
    }

    [Theory]
    [MemberData(nameof(GoroutineDebug1))]
    public void Read_GoroutineDebug1Text_CountsSumToHeaderTotal(string relative)
    {
        var path = Path.Combine(RepoPaths.Corpus, relative);
        var header = File.ReadLines(path).First();
        var total = long.Parse(header["goroutine profile: total ".Length..], System.Globalization.CultureInfo.InvariantCulture);

        var profile = ProfileReader.ReadFile(path);

        profile.Samples.Sum(s => s.Values[0]).Should().Be(total);
        // A goroutine whose only frame is runtime.goexit prints no `#` lines: its stack is empty but it still counts.
        profile.Samples.Should().OnlyContain(s => s.WaitState != null);
        profile.Samples.Should().Contain(s => s.Stack.Count > 0);
    }

    private static byte[] GzipOfZeros(long length)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 16];
            for (long written = 0; written < length; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }

    [Fact]
    public void Read_HeapTextWithoutAllocColumns_HasObjectsAndSpaceAndSameInuseRows()
    {
        // pprof keeps only objects/space when the header's alloc pair repeats the inuse pair (legacy_profile.go).
        var text = File.ReadAllText(Corpus.File("go1.19", "steady", "heap-004.debug1.txt"));
        var header = text[..text.IndexOf('\n', StringComparison.Ordinal)];
        var inuse = header["heap profile: ".Length..header.IndexOf(" [", StringComparison.Ordinal)];
        var twoColumns = $"heap profile: {inuse} [{inuse}] @ heap/1048576" + text[header.Length..];

        var profile = ProfileReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(twoColumns)), "two.txt");
        var full = ProfileReader.ReadFile(Corpus.File("go1.19", "steady", "heap-004.debug1.txt"));

        profile.SampleTypes.Select(t => t.Type).Should().Equal("objects", "space");
        TopTableFormatter.FormatRows(TopTable.Compute(profile, "inuse_space"))
            .Should().Equal(TopTableFormatter.FormatRows(TopTable.Compute(full, "inuse_space")));
    }

    [Fact]
    public void Read_Debug2WithNewerHeaderDecorations_KeepsStateMinutesAndCreator()
    {
        // go1.21+ adds "in goroutine N", go1.22+ " gp=.. m=..", go1.26 " (leaked)": same goroutine, same facts.
        var text = File.ReadAllText(Corpus.Profiles("goroutine-debug2.txt"))
            .Replace("goroutine 6 [chan send, 1 minutes]:", "goroutine 6 gp=0xc000007180 m=nil [chan send (leaked), 1 minutes, locked to thread]:", StringComparison.Ordinal)
            .Replace("created by main.main\n", "created by main.main in goroutine 1\n", StringComparison.Ordinal);

        var profile = ProfileReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "newer.txt");
        var six = profile.Samples.Single(s => s.GoroutineId == 6);

        six.WaitState.Should().Be("chan send");
        six.WaitMinutes.Should().Be(1);
        six.CreatedBy.Should().Be("main.main");
        profile.Samples.Where(s => s.GoroutineId != 1).Should().OnlyContain(s => s.CreatedBy == "main.main");
    }
}
