import Testing
import Workbook

/// One FNV-1a for every name and fingerprint that must not change between runs.
struct StableHashTests {
    /// FNV-1a's published 64-bit test vectors.
    @Test(arguments: [("", 0xcbf2_9ce4_8422_2325), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8)]
          as [(String, UInt64)])
    func knownValues(text: String, hash: UInt64) {
        #expect(StableHash.fnv1a(text) == hash)
    }

    @Test func hexKeepsItsLeadingZeros() {
        #expect(StableHash.hex("/courses/neural-800") == "0c150364ff138e5b")
        #expect(StableHash.hex("a") == "af63dc4c8601ec8c")
    }
}
