using System.Security.Cryptography;
using OutlookCrm.CrmApi.MailboxSync.Subscriptions;

namespace OutlookCrm.CrmApi.Tests.Common;

/// <summary>Signed clientStates: within Graph's 128 characters, verified by computation, unforgeable without the key.</summary>
public class ClientStatesTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] OldKey = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void New_SignedState_VerifiesToItsRowAndFitsGraphsLimit()
    {
        var states = new ClientStates(new ClientStateKeys(Key, []));
        var rowId = Guid.CreateVersion7();

        var state = states.New(rowId);

        Assert.True(state.Length <= 128);
        Assert.Equal(ClientStates.Length, state.Length);
        Assert.True(states.TryVerify(state, out var verified));
        Assert.Equal(rowId, verified);
        Assert.Equal(state, states.New(rowId));
    }

    [Fact]
    public void TryVerify_AnyCharacterChanged_Refused()
    {
        var states = new ClientStates(new ClientStateKeys(Key, []));
        var state = states.New(Guid.CreateVersion7());

        for (var i = 0; i < state.Length; i++)
        {
            var changed = state[..i] + (state[i] == 'A' ? 'B' : 'A') + state[(i + 1)..];
            Assert.False(states.TryVerify(changed, out _), $"changed at {i}");
        }
    }

    [Fact]
    public void TryVerify_AnotherServersKeyOrNoStateOrTheOldFormat_Refused()
    {
        var ours = new ClientStates(new ClientStateKeys(Key, []));
        var theirs = new ClientStates(new ClientStateKeys(RandomNumberGenerator.GetBytes(32), []));
        var rowId = Guid.CreateVersion7();

        Assert.False(ours.TryVerify(theirs.New(rowId), out _));
        Assert.False(ours.TryVerify(null, out _));
        Assert.False(ours.TryVerify("", out _));
        Assert.False(ours.TryVerify($"{rowId:N}.{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}", out _));
    }

    [Fact]
    public void TryVerify_StateOfAPreviousKey_AcceptedDuringTheRotationNewStatesUseTheCurrentKey()
    {
        var before = new ClientStates(new ClientStateKeys(OldKey, []));
        var rotated = new ClientStates(new ClientStateKeys(Key, [OldKey]));
        var rowId = Guid.CreateVersion7();

        Assert.True(rotated.TryVerify(before.New(rowId), out var verified));
        Assert.Equal(rowId, verified);
        Assert.NotEqual(before.CurrentKeyId, rotated.CurrentKeyId);
        Assert.StartsWith(rotated.CurrentKeyId, rotated.New(rowId), StringComparison.Ordinal);
    }

    [Fact]
    public void ClientStateKeys_KeyShorterThan32Bytes_Refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClientStateKeys.Load(
            new ClientStateOptions { Key = Convert.ToBase64String(new byte[16]) }, new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" }));

        Assert.Contains("ClientState:Key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientStateKeys_NoKeyOutsideDevelopmentAndTesting_RefusedNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClientStateKeys.Load(
            new ClientStateOptions(), new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Staging" }));

        Assert.Contains("ClientState:Key is required in the 'Staging' environment", error.Message, StringComparison.Ordinal);
    }
}
