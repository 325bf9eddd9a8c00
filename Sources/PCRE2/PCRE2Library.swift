internal import CPCRE2

/// Facts about the PCRE2 library Netral is linked against.
public enum PCRE2Library {
    /// The library's version, such as "10.42 2022-12-11".
    public static let version: String = {
        var buffer = [UInt8](repeating: 0, count: 64)
        let length = buffer.withUnsafeMutableBytes { raw in
            pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), raw.baseAddress)
        }
        guard length > 1 else { return "unknown" }
        return String(decoding: buffer[0..<Int(length - 1)], as: UTF8.self)
    }()

    /// True when this build of PCRE2 can JIT-compile patterns on this machine.
    public static let isJITAvailable: Bool = {
        var value: UInt32 = 0
        _ = pcre2_config_8(UInt32(PCRE2_CONFIG_JIT), &value)
        return value == 1
    }()
}
