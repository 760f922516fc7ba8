// --events: one JSON object per parsed event, JSON Lines, in input order, "kind" first and "line" last (output contract).
using System.Text.Json;
using GcTrace.Analysis;
using GcTrace.Events;

namespace GcTrace.Output;

/// <summary>Writes with <see cref="Utf8JsonWriter"/> so key order is ours and nothing needs reflection (Native AOT).</summary>
public sealed class EventsJsonWriter(Stream destination) : IEventSink, IDisposable
{
    private readonly Utf8JsonWriter json = new(destination, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public string Name => "events";

    public void Write(IReadOnlyList<TraceEvent> batch)
    {
        foreach (var e in batch) Write(e);
        json.Flush();
    }

    public void Complete(InputSummary counts)
    {
        json.Flush();
        destination.Flush();
    }

    public void Write(TraceEvent e)
    {
        json.Reset();
        json.WriteStartObject();
        json.WriteString("kind", e.Kind);
        switch (e)
        {
            case GcCycle c: WriteGc(c); break;
            case ScavEvent s: WriteScav(s); break;
            case ScvgEvent s: WriteScvg(s); break;
            case PacerEvent p: WritePacer(p); break;
            case SchedEvent s: WriteSched(s); break;
            case ScanEvent s: WriteScan(s); break;
            case UnrecognizedLine u: json.WriteString("text", u.Text); break;
        }
        json.WriteNumber("line", e.Line);
        json.WriteEndObject();
        json.Flush();
        destination.WriteByte((byte)'\n');
    }

    private void WriteGc(GcCycle c)
    {
        json.WriteNumber("cycle", c.Number);
        json.WriteNumber("start_s", c.StartS);
        json.WriteNumber("cpu_pct", c.CpuPercent);
        json.WriteNumber("stw_sweep_term_ms", c.StwSweepTermMs);
        json.WriteNumber("concurrent_ms", c.ConcurrentMs);
        json.WriteNumber("stw_mark_term_ms", c.StwMarkTermMs);
        json.WriteNumber("stw_total_ms", c.StwTotalMs);
        json.WriteNumber("cpu_stw_sweep_term_ms", c.CpuStwSweepTermMs);
        json.WriteNumber("cpu_assist_ms", c.CpuAssistMs);
        json.WriteNumber("cpu_background_ms", c.CpuBackgroundMs);
        json.WriteNumber("cpu_idle_ms", c.CpuIdleMs);
        json.WriteNumber("cpu_stw_mark_term_ms", c.CpuStwMarkTermMs);
        json.WriteNumber("heap_start_mb", c.HeapStartMb);
        json.WriteNumber("heap_end_mb", c.HeapEndMb);
        json.WriteNumber("heap_live_mb", c.HeapLiveMb);
        json.WriteNumber("heap_goal_mb", c.HeapGoalMb);
        Nullable("stacks_mb", c.StacksMb);
        Nullable("globals_mb", c.GlobalsMb);
        json.WriteNumber("procs", c.Procs);
        json.WriteBoolean("forced", c.Forced);
        json.WriteBoolean("leak_check", c.LeakCheck);
        json.WriteBoolean("repaired", c.Repaired);
        json.WriteString("format", FormatNames.Of(c.Format));
        if (c.Format == GcFormat.Go15)
        {
            json.WriteNumber("root_scan_ms", c.RootScanMs ?? 0);
            json.WriteNumber("install_write_barrier_ms", c.InstallWriteBarrierMs ?? 0);
            json.WriteNumber("cpu_root_scan_ms", c.CpuRootScanMs ?? 0);
            json.WriteNumber("cpu_install_write_barrier_ms", c.CpuInstallWriteBarrierMs ?? 0);
        }
    }

    private void WriteScav(ScavEvent s)
    {
        Nullable("generation", s.Generation);
        Nullable("work_kib", s.WorkKib);
        Nullable("work_bg_kib", s.WorkBgKib);
        Nullable("work_eager_kib", s.WorkEagerKib);
        json.WriteNumber("released_kib", s.ReleasedKib);
        json.WriteNumber("util_pct", s.UtilPercent);
        json.WriteBoolean("forced", s.Forced);
        json.WriteBoolean("controller_reset", s.ControllerReset);
    }

    private void WriteScvg(ScvgEvent s)
    {
        Nullable("sequence", s.Sequence);
        json.WriteBoolean("forced", s.Forced);
        Nullable("released_mb", s.ReleasedMb);
        Nullable("inuse_mb", s.InuseMb);
        Nullable("idle_mb", s.IdleMb);
        Nullable("sys_mb", s.SysMb);
        Nullable("heap_released_mb", s.HeapReleasedMb);
        Nullable("consumed_mb", s.ConsumedMb);
    }

    private void WritePacer(PacerEvent p)
    {
        json.WriteString("phase", p.Phase);
        foreach (var (name, value) in p.Fields)
        {
            if (double.IsFinite(value)) json.WriteNumber(name, value);
            else json.WriteString(name, double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf");
        }
        if (p.ControllerReset) json.WriteBoolean("controller_reset", true);
    }

    private void WriteSched(SchedEvent s)
    {
        json.WriteNumber("elapsed_ms", s.ElapsedMs);
        json.WriteNumber("gomaxprocs", s.GoMaxProcs);
        json.WriteNumber("idleprocs", s.IdleProcs);
        json.WriteNumber("threads", s.Threads);
        json.WriteNumber("spinningthreads", s.SpinningThreads);
        Nullable("needspinning", s.NeedSpinning);
        json.WriteNumber("idlethreads", s.IdleThreads);
        json.WriteNumber("runqueue", s.RunQueue);
        Array("run_queues", s.RunQueues);
        if (s.SchedTicks is not null) Array("schedticks", s.SchedTicks);
        if (s.Detail is not null) json.WriteString("detail", s.Detail);
    }

    private void WriteScan(ScanEvent s)
    {
        if (s.SizeClass is null) json.WriteNull("size_class");
        else json.WriteString("size_class", s.SizeClass);
        Nullable("objects_sparse", s.ObjectsSparse);
        Nullable("objects_span_sparse", s.ObjectsSpanSparse);
        Nullable("objects_span_dense", s.ObjectsSpanDense);
        json.WriteNumber("objects", s.Objects);
        Nullable("spans_sparse", s.SpansSparse);
        Nullable("spans_dense", s.SpansDense);
        Nullable("spans", s.Spans);
    }

    private void Nullable(string name, long? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private void Array(string name, IReadOnlyList<long> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteNumberValue(v);
        json.WriteEndArray();
    }

    public void Dispose() => json.Dispose();
}
