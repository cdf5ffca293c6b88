using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace OAuth2.Functional.Properties;

/// <summary>Laws of RFC 8628 polling over any run of server answers: the interval never shrinks, grows by exactly 5 s per
/// <c>slow_down</c>, doubles after a timed-out request, every wait is at least the interval, no poll is ever scheduled at or past the expiry, and the run ends
/// at the first answer that is neither pending nor slow_down.</summary>
public class DevicePollingProperties
{
    private static readonly Gen<string> Answer = Gen.Frequency(
        (6, Gen.Constant("authorization_pending")), (3, Gen.Constant("slow_down")), (1, Gen.Constant("timeout")),
        (1, Gen.Elements("access_denied", "expired_token", "token")));

    private static Either<OAuthError, AccessToken> Outcome(string answer) =>
        answer switch
        {
            "token" => AccessToken.FromJson("""{"access_token":"a"}""", DateTimeOffset.UnixEpoch),
            "timeout" => new OAuthError.Timeout(TimeSpan.FromSeconds(30)),
            _ => new OAuthError.ProtocolError(answer, None, None, 400),
        };

    [Property]
    public Property Polling_never_speeds_up_never_passes_the_deadline_and_stops_at_the_first_final_answer() =>
        Prop.ForAll(Answer.ListOf().ToArbitrary(), Gen.Choose(1, 10).ToArbitrary(), Gen.Choose(1, 600).ToArbitrary(), (answers, intervalSeconds, lifetime) =>
        {
            var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var device = new DeviceAuthorization(Secret.Of("d"), "u", "https://as/device", None, start.AddSeconds(lifetime), TimeSpan.FromSeconds(intervalSeconds));
            var now = start;
            var step = DevicePolling.Start(device, now);
            var interval = device.Interval;
            foreach (var answer in answers)
            {
                if (step is not DevicePollStep.Wait wait) break;
                if (wait.Delay < interval || wait.Interval < interval || now + wait.Delay >= device.ExpiresAt) return false;
                interval = wait.Interval;
                now += wait.Delay;
                step = DevicePolling.Next(Outcome(answer), interval, device.ExpiresAt, now);
                var expected = answer switch
                {
                    "authorization_pending" => step is DevicePollStep.Wait w ? w.Interval == interval : step is DevicePollStep.Failed { Error: OAuthError.DeviceCodeExpired },
                    "slow_down" => step is DevicePollStep.Wait s ? s.Interval == interval + TimeSpan.FromSeconds(5) : step is DevicePollStep.Failed { Error: OAuthError.DeviceCodeExpired },
                    "timeout" => step is DevicePollStep.Wait t ? t.Interval == interval * 2 : step is DevicePollStep.Failed { Error: OAuthError.DeviceCodeExpired },
                    "token" => step is DevicePollStep.Done,
                    _ => step is DevicePollStep.Failed { Error: OAuthError.ProtocolError p } && p.Error == answer,
                };
                if (!expected) return false;
            }
            return true;
        });
}
