using System.Security.Cryptography;
using ChatAssistant.Security;

namespace ChatAssistant.Tests.Security;

public sealed class FieldCipherTests
{
    private static readonly FieldBinding Phone12 = new("dispute.phone", "ticket:12");

    [Fact]
    public void A_value_decrypts_only_for_the_field_and_record_it_was_made_for()
    {
        var cipher = new FieldCipher(RandomNumberGenerator.GetBytes(32));
        var value = cipher.Protect("13800138000", Phone12);
        Assert.StartsWith("v2.", value);
        Assert.NotEqual(value, cipher.Protect("13800138000", Phone12)); // fresh nonce each time
        Assert.Equal("13800138000", cipher.Unprotect(value, Phone12));

        Assert.ThrowsAny<CryptographicException>(() => cipher.Unprotect(value, Phone12 with { Field = "dispute.description" }));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Unprotect(value, Phone12 with { Record = "ticket:13" }));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Unprotect(value, new FieldBinding("dispute.phone|1", "ticket:2"))); // no two bindings share associated data
        Assert.False(cipher.TryUnprotect(value, Phone12 with { Record = "ticket:13" }, out _));
    }

    [Fact]
    public void A_tampered_value_or_one_made_with_another_key_does_not_decrypt()
    {
        var cipher = new FieldCipher(RandomNumberGenerator.GetBytes(32));
        var value = cipher.Protect("13800138000", Phone12);
        var bytes = Convert.FromBase64String(value[3..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => cipher.Unprotect("v2." + Convert.ToBase64String(bytes), Phone12));
        Assert.ThrowsAny<CryptographicException>(() => new FieldCipher(RandomNumberGenerator.GetBytes(32)).Unprotect(value, Phone12));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Unprotect("not encrypted", Phone12));
    }

    [Fact]
    public void A_value_of_the_earlier_format_is_read_only_by_the_re_encryption()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var cipher = new FieldCipher(key);
        var legacy = LegacyFieldWriter.Protect(key, "13800138000", "dispute.phone");

        Assert.True(FieldCipher.IsLegacy(legacy));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Unprotect(legacy, Phone12));
        var rebound = cipher.Rebind(legacy, "dispute.phone", Phone12);
        Assert.Equal("13800138000", cipher.Unprotect(rebound, Phone12));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Rebind(legacy, "dispute.name", Phone12)); // made for another field
        Assert.ThrowsAny<CryptographicException>(() => cipher.Rebind(rebound, "dispute.phone", Phone12)); // already re-encrypted
    }
}
