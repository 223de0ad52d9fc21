using System.Threading.RateLimiting;
using MovingCities.Web.Cities;

namespace MovingCities.Web.Proposals;

/// <summary>What a public proposal may be, and how many the site takes: the one place these limits come from.</summary>
public static class ProposalRules
{
    /// <summary>A short summary: a sentence or two, as a news post's summary (News/PostLimits).</summary>
    public const int MaxSummaryLength = News.PostLimits.MaxSummaryLength;

    public const int MaxPlaceNameLength = CityRules.MaxNameLength;

    /// <summary>The longest email address SMTP allows.</summary>
    public const int MaxEmailLength = 254;

    /// <summary>An editor's reason for rejecting.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Proposals one address may send per <see cref="Window"/>; the next gets 429 saying when to try again.</summary>
    public const int PerWindow = 5;

    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Pending proposals kept at most: beyond it the form says the queue is full and stores nothing.</summary>
    public const int MaxPending = 500;
}

/// <summary>
/// At most <see cref="ProposalRules.PerWindow"/> stored proposals per address per hour (ASP.NET's fixed-window
/// rate limiter, partitioned by the client's address). Only a proposal about to be stored takes a permit, so a form
/// sent back for a typo costs nothing.
/// </summary>
/// <remarks>
/// Counted in memory, per instance: behind a load balancer with n instances an address may store up to
/// n × <see cref="ProposalRules.PerWindow"/> an hour. <see cref="ProposalRules.MaxPending"/> is counted in the database
/// and holds for all of them together.
/// </remarks>
public sealed class ProposalLimiter : IDisposable
{
    readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = ProposalRules.PerWindow, Window = ProposalRules.Window, QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <returns>Null when the address may send one more, else how long until it may.</returns>
    public TimeSpan? TryTake(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : ProposalRules.Window;
    }

    public void Dispose() => _limiter.Dispose();
}
