using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace OutcomeLedger.Api.Features.Metrics;

/// <summary>
/// Listens to one meter's instruments and writes what they measured in the Prometheus text exposition format
/// (version 0.0.4): counters as <c>_total</c>, histograms as cumulative <c>_bucket</c>/<c>_sum</c>/<c>_count</c> with
/// the instrument's advised boundaries, observable gauges read at each scrape. Names are the instruments' with dots as
/// underscores, and <c>_seconds</c> for the unit <c>s</c>. A small exporter of our own rather than OpenTelemetry's:
/// docs/deploy/operations.md says why.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    readonly MeterListener _listener = new();
    readonly ConcurrentQueue<Series> _published = new();
    readonly Lock _scrape = new();

    public PrometheusExporter(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                var series = new Series(instrument);
                _published.Enqueue(series);
                listener.EnableMeasurementEvents(instrument, series);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((Series)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((Series)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((Series)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>Reads the gauges and writes every series.</summary>
    public string Scrape()
    {
        lock (_scrape)
        {
            foreach (var series in _published.Where(s => s.Kind == Kind.Gauge))
            {
                series.Clear();
            }

            _listener.RecordObservableInstruments();
            var text = new StringBuilder();
            foreach (var series in _published)
            {
                series.Write(text);
            }

            return text.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();

    enum Kind
    {
        Counter,
        Histogram,
        Gauge,
    }

    /// <summary>One instrument's values, by label set.</summary>
    sealed class Series
    {
        readonly Lock _lock = new();
        readonly SortedDictionary<string, Values> _byLabels = new(StringComparer.Ordinal);
        readonly double[] _buckets;
        readonly bool _labelled;

        public Series(Instrument instrument)
        {
            Kind = instrument switch
            {
                Counter<long> or Counter<int> or Counter<double> => Kind.Counter,
                Histogram<int> or Histogram<long> or Histogram<double> => Kind.Histogram,
                _ => Kind.Gauge,
            };
            _buckets = instrument switch
            {
                Histogram<int> { Advice.HistogramBucketBoundaries: { } ints } => [.. ints.Select(i => (double)i)],
                Histogram<long> { Advice.HistogramBucketBoundaries: { } longs } => [.. longs.Select(l => (double)l)],
                Histogram<double> { Advice.HistogramBucketBoundaries: { } doubles } => [.. doubles],
                _ => DefaultBuckets,
            };
            _labelled = LedgerMetrics.Labelled.Contains(instrument.Name, StringComparer.Ordinal) || Witness.WitnessMetrics.Labelled.Contains(instrument.Name, StringComparer.Ordinal);
            Name = instrument.Name.Replace('.', '_') + (instrument.Unit == "s" ? "_seconds" : "") + (Kind == Kind.Counter ? "_total" : "");
            Help = instrument.Description ?? instrument.Name;
        }

        public Kind Kind { get; }

        public string Name { get; }

        public string Help { get; }

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var labels = Labels(tags);
            lock (_lock)
            {
                if (!_byLabels.TryGetValue(labels, out var values))
                {
                    values = new Values(_buckets.Length);
                    _byLabels[labels] = values;
                }

                switch (Kind)
                {
                    case Kind.Counter:
                        values.Sum += value;
                        break;
                    case Kind.Gauge:
                        values.Sum = value;
                        break;
                    default:
                        values.Count++;
                        values.Sum += value;
                        for (var i = 0; i < _buckets.Length; i++)
                        {
                            if (value <= _buckets[i])
                            {
                                values.Buckets[i]++;
                            }
                        }

                        break;
                }
            }
        }

        public void Clear()
        {
            lock (_lock)
            {
                _byLabels.Clear();
            }
        }

        public void Write(StringBuilder text)
        {
            lock (_lock)
            {
                text.Append("# HELP ").Append(Name).Append(' ').Append(Help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
                text.Append("# TYPE ").Append(Name).Append(' ').Append(Kind switch { Kind.Counter => "counter", Kind.Histogram => "histogram", _ => "gauge" }).Append('\n');
                // A counter or histogram without labels starts at zero; one with labels shows only what was measured.
                var all = _byLabels.Count == 0 && Kind != Kind.Gauge && !_labelled ? [new(string.Empty, new Values(_buckets.Length))] : _byLabels.ToList();
                foreach (var (labels, values) in all)
                {
                    if (Kind != Kind.Histogram)
                    {
                        Line(text, Name, labels, values.Sum);
                        continue;
                    }

                    for (var i = 0; i < _buckets.Length; i++)
                    {
                        Line(text, Name + "_bucket", Join(labels, "le=\"" + Number(_buckets[i]) + "\""), values.Buckets[i]);
                    }

                    Line(text, Name + "_bucket", Join(labels, "le=\"+Inf\""), values.Count);
                    Line(text, Name + "_sum", labels, values.Sum);
                    Line(text, Name + "_count", labels, values.Count);
                }
            }
        }

        static void Line(StringBuilder text, string name, string labels, double value)
        {
            text.Append(name);
            if (labels.Length > 0)
            {
                text.Append('{').Append(labels).Append('}');
            }

            text.Append(' ').Append(Number(value)).Append('\n');
        }

        static string Join(string labels, string label) => labels.Length == 0 ? label : labels + "," + label;

        static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.IsEmpty)
            {
                return string.Empty;
            }

            var pairs = new List<string>(tags.Length);
            foreach (var (key, value) in tags)
            {
                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                pairs.Add(key + "=\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"");
            }

            pairs.Sort(StringComparer.Ordinal);
            return string.Join(',', pairs);
        }

        static string Number(double value) =>
            double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf" : double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);
    }

    sealed class Values(int buckets)
    {
        public double Sum { get; set; }

        public long Count { get; set; }

        public long[] Buckets { get; } = new long[buckets];
    }
}
