import Testing
import Workbook

/// HMAC-SHA-256 against the test vectors of RFC 4231 and SHA-256 against FIPS 180-4's examples.
struct HMACTests {
    static func bytes(hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var characters = Array(hex)[...]
        while characters.count >= 2 {
            result.append(UInt8(String(characters.prefix(2)), radix: 16)!)
            characters = characters.dropFirst(2)
        }
        return result
    }

    @Test func sha256MatchesTheStandardsExamples() {
        #expect(HMAC.hex(SHA256.hash(Array("abc".utf8)))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(HMAC.hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(HMAC.hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test(arguments: [
        ("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", Array("Hi There".utf8),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        ("4a656665", Array("what do ya want for nothing?".utf8),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        (String(repeating: "aa", count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    ])
    func hmacMatchesRFC4231(key: String, message: [UInt8], mac: String) {
        #expect(HMAC.hex(HMAC.sha256(key: Self.bytes(hex: key), message: message)) == mac)
    }
}
