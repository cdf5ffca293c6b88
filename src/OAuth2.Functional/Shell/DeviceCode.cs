using Microsoft.Extensions.Logging;

namespace OAuth2.Functional;

/// <summary>
/// The device authorization grant (RFC 8628) for devices without a browser or keyboard: <see cref="AuthorizeDeviceAsync"/> gets
/// the codes to show the user, <see cref="PollTokenAsync"/> waits for the approval. Waits go through the client's
/// <see cref="TimeProvider"/>; every request goes through the same guarded send as the other grants.
/// </summary>
public sealed class DeviceCode : GrantClient
{
    private DeviceCode(ValidConfig config, SendHttp send, TimeProvider? timeProvider, ILogger? logger)
        : base(DeviceRequests.GrantType, config, send, timeProvider, logger) { }

    /// <summary>Validates <paramref name="config"/> (the device endpoint is <see cref="AuthSettings.DeviceAuthorizationPath"/>) and
    /// makes a client; the other arguments are as for <see cref="ClientCredentials.Create"/>.</summary>
    public static Either<OAuthError, DeviceCode> Create(OAuthConfig? config, HttpClient? httpClient = null,
        TimeProvider? timeProvider = null, ILogger? logger = null, OAuthTransport? transport = null) =>
        Prepare(config, GrantKind.DeviceCode, httpClient, transport).Map(p => new DeviceCode(p.Config, p.Transport, timeProvider, logger));

    /// <summary>Starts a device authorization (RFC 8628 §3.1–3.2) with <paramref name="parameters"/> (usually <c>scope</c>).</summary>
    public EitherAsync<OAuthError, DeviceAuthorization> AuthorizeDeviceAsync(Parameters? parameters = null, RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default) =>
        ExchangeAsync("device authorization", DeviceRequests.Authorize(Config, parameters, requestOptions),
            DeviceResponses.InterpretAuthorization, cancellationToken).ToAsync();

    /// <summary>Polls the token endpoint until the user approves or refuses, or the codes expire (RFC 8628 §3.4–3.5; the rules are
    /// <see cref="DevicePolling"/>'s): first after one interval, then every interval, 5 s longer after each <c>slow_down</c>.
    /// <c>Left</c>: the server's <c>access_denied</c>/<c>expired_token</c> (<see cref="OAuthError.ProtocolError"/>),
    /// <see cref="OAuthError.DeviceCodeExpired"/> when the next wait would pass the expiry, <see cref="OAuthError.Cancelled"/>, or
    /// the failure of a request other than a timeout (a timed-out poll doubles the interval and polls again; after another
    /// failure polling may be resumed with the same <paramref name="authorization"/>).</summary>
    public EitherAsync<OAuthError, AccessToken> PollTokenAsync(DeviceAuthorization? authorization, RequestOptions? requestOptions = null,
        CancellationToken cancellationToken = default) =>
        PollCoreAsync(authorization, requestOptions, cancellationToken).ToAsync();

    private async Task<Either<OAuthError, AccessToken>> PollCoreAsync(DeviceAuthorization? authorization, RequestOptions? options, CancellationToken ct)
    {
        try
        {
            return await PollLoopAsync(authorization, options, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The sends are guarded already; what is left is the caller's TimeProvider (its clock or its timers).
            return OAuthError.Argument("timeProvider", $"threw {e.GetType().Name} while the device code was polled");
        }
    }

    private async Task<Either<OAuthError, AccessToken>> PollLoopAsync(DeviceAuthorization? authorization, RequestOptions? options, CancellationToken ct)
    {
        var step = DevicePolling.Start(authorization, Clock.GetUtcNow());
        while (step is DevicePollStep.Wait wait)
        {
            if (!await DelayAsync(wait.Delay, ct).ConfigureAwait(false)) return new OAuthError.Cancelled();
            var outcome = await ExchangeAsync("device poll", DeviceRequests.Poll(Config, authorization, options), Responses.InterpretToken, ct).ConfigureAwait(false);
            step = DevicePolling.Next(outcome, wait.Interval, authorization!.ExpiresAt, Clock.GetUtcNow());
        }
        return step switch
        {
            DevicePollStep.Done done => done.Token,
            DevicePollStep.Failed failed => failed.Error,
            _ => OAuthError.Argument("step", "is not a known polling step"),
        };
    }

    /// <summary>Waits on the client's clock; false when the caller cancelled.</summary>
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, Clock, ct).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
