// --events: one JSON object per parsed event, JSON Lines, in input order, "kind" first and "line" last (output contract).
using System.Text.Json;
using GcTrace.Analysis;
using GcTrace.Events;

namespace GcTrace.Output;

/// <summary>Writes with <see cref="Utf8JsonWriter"/> so key order is ours and nothing needs reflection (Native AOT).</summary>
public sealed class EventsJsonWriter(Stream destination) : IEventSink, IDisposable
{
    private readonly Utf8JsonWriter _json = new(destination, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public string Name => "events";

    public void Write(IReadOnlyList<TraceEvent> batch)
    {
        foreach (var e in batch) Write(e);
        _json.Flush();
    }

    public void Complete(InputSummary counts)
    {
        _json.Flush();
        destination.Flush();
    }

    public void Write(TraceEvent e)
    {
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteString("kind", e.Kind);
        switch (e)
        {
            case GcCycle c: WriteGc(c); break;
            case ScavEvent s: WriteScav(s); break;
            case ScvgEvent s: WriteScvg(s); break;
            case PacerEvent p: WritePacer(p); break;
            case SchedEvent s: WriteSched(s); break;
            case ScanEvent s: WriteScan(s); break;
            case UnrecognizedLine u: _json.WriteString("text", u.Text); break;
        }
        _json.WriteNumber("line", e.Line);
        _json.WriteEndObject();
        _json.Flush();
        destination.WriteByte((byte)'\n');
    }

    private void WriteGc(GcCycle c)
    {
        _json.WriteNumber("cycle", c.Number);
        _json.WriteNumber("start_s", c.StartS);
        _json.WriteNumber("cpu_pct", c.CpuPercent);
        _json.WriteNumber("stw_sweep_term_ms", c.StwSweepTermMs);
        _json.WriteNumber("concurrent_ms", c.ConcurrentMs);
        _json.WriteNumber("stw_mark_term_ms", c.StwMarkTermMs);
        _json.WriteNumber("stw_total_ms", c.StwTotalMs);
        _json.WriteNumber("cpu_stw_sweep_term_ms", c.CpuStwSweepTermMs);
        _json.WriteNumber("cpu_assist_ms", c.CpuAssistMs);
        _json.WriteNumber("cpu_background_ms", c.CpuBackgroundMs);
        _json.WriteNumber("cpu_idle_ms", c.CpuIdleMs);
        _json.WriteNumber("cpu_stw_mark_term_ms", c.CpuStwMarkTermMs);
        _json.WriteNumber("heap_start_mb", c.HeapStartMb);
        _json.WriteNumber("heap_end_mb", c.HeapEndMb);
        _json.WriteNumber("heap_live_mb", c.HeapLiveMb);
        _json.WriteNumber("heap_goal_mb", c.HeapGoalMb);
        Nullable("stacks_mb", c.StacksMb);
        Nullable("globals_mb", c.GlobalsMb);
        _json.WriteNumber("procs", c.Procs);
        _json.WriteBoolean("forced", c.Forced);
        _json.WriteBoolean("leak_check", c.LeakCheck);
        _json.WriteBoolean("repaired", c.Repaired);
        _json.WriteString("format", FormatNames.Of(c.Format));
        if (c.Format == GcFormat.Go15)
        {
            _json.WriteNumber("root_scan_ms", c.RootScanMs ?? 0);
            _json.WriteNumber("install_write_barrier_ms", c.InstallWriteBarrierMs ?? 0);
            _json.WriteNumber("cpu_root_scan_ms", c.CpuRootScanMs ?? 0);
            _json.WriteNumber("cpu_install_write_barrier_ms", c.CpuInstallWriteBarrierMs ?? 0);
        }
    }

    private void WriteScav(ScavEvent s)
    {
        Nullable("generation", s.Generation);
        Nullable("work_kib", s.WorkKib);
        Nullable("work_bg_kib", s.WorkBgKib);
        Nullable("work_eager_kib", s.WorkEagerKib);
        _json.WriteNumber("released_kib", s.ReleasedKib);
        _json.WriteNumber("util_pct", s.UtilPercent);
        _json.WriteBoolean("forced", s.Forced);
        _json.WriteBoolean("controller_reset", s.ControllerReset);
    }

    private void WriteScvg(ScvgEvent s)
    {
        Nullable("sequence", s.Sequence);
        _json.WriteBoolean("forced", s.Forced);
        Nullable("released_mb", s.ReleasedMb);
        Nullable("inuse_mb", s.InuseMb);
        Nullable("idle_mb", s.IdleMb);
        Nullable("sys_mb", s.SysMb);
        Nullable("heap_released_mb", s.HeapReleasedMb);
        Nullable("consumed_mb", s.ConsumedMb);
    }

    private void WritePacer(PacerEvent p)
    {
        _json.WriteString("phase", p.Phase);
        foreach (var (name, value) in p.Fields)
        {
            if (double.IsFinite(value)) _json.WriteNumber(name, value);
            else _json.WriteString(name, double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf");
        }
        if (p.ControllerReset) _json.WriteBoolean("controller_reset", true);
    }

    private void WriteSched(SchedEvent s)
    {
        _json.WriteNumber("elapsed_ms", s.ElapsedMs);
        _json.WriteNumber("gomaxprocs", s.GoMaxProcs);
        _json.WriteNumber("idleprocs", s.IdleProcs);
        _json.WriteNumber("threads", s.Threads);
        _json.WriteNumber("spinningthreads", s.SpinningThreads);
        Nullable("needspinning", s.NeedSpinning);
        _json.WriteNumber("idlethreads", s.IdleThreads);
        _json.WriteNumber("runqueue", s.RunQueue);
        Array("run_queues", s.RunQueues);
        if (s.SchedTicks is not null) Array("schedticks", s.SchedTicks);
        if (s.Detail is not null) _json.WriteString("detail", s.Detail);
    }

    private void WriteScan(ScanEvent s)
    {
        if (s.SizeClass is null) _json.WriteNull("size_class");
        else _json.WriteString("size_class", s.SizeClass);
        Nullable("objects_sparse", s.ObjectsSparse);
        Nullable("objects_span_sparse", s.ObjectsSpanSparse);
        Nullable("objects_span_dense", s.ObjectsSpanDense);
        _json.WriteNumber("objects", s.Objects);
        Nullable("spans_sparse", s.SpansSparse);
        Nullable("spans_dense", s.SpansDense);
        Nullable("spans", s.Spans);
    }

    private void Nullable(string name, long? value)
    {
        if (value is { } v) _json.WriteNumber(name, v);
        else _json.WriteNull(name);
    }

    private void Array(string name, IReadOnlyList<long> values)
    {
        _json.WriteStartArray(name);
        foreach (var v in values) _json.WriteNumberValue(v);
        _json.WriteEndArray();
    }

    public void Dispose() => _json.Dispose();
}
