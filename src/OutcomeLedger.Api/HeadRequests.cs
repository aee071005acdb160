using Microsoft.AspNetCore.Http.Features;

namespace OutcomeLedger.Api;

/// <summary>
/// HEAD on any GET endpoint answers as GET does, status and headers, without the body (RFC 9110 §9.3.2: a server that
/// answers GET answers HEAD). The request is routed as a GET, so every endpoint and its access checks serve both; what
/// the endpoint writes is counted and dropped, and the count is sent as the Content-Length a GET would have had (a GET
/// written in chunks has none, and Kestrel would otherwise say 0). It must run before routing.
/// </summary>
internal static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var server = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        await using var counted = new CountingStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(counted));
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
            if (!context.Response.HasStarted && context.Response.ContentLength is null)
            {
                context.Response.ContentLength = counted.Length;
            }
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Features.Set(server);
        }
    });

    /// <summary>A write-only stream that keeps nothing but the number of bytes written to it.</summary>
    sealed class CountingStream : Stream
    {
        long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
