import Foundation

extension RunLog {
    /// Whether `path` names TensorBoard's events: an `events.out.tfevents.*` file, or a folder
    /// (a run's log folder, read with the subfolders that hold event files).
    static func isTensorBoard(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return isEventFile(URL(fileURLWithPath: path).lastPathComponent)
            || (FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    /// `events.out.tfevents.<time>.<host>…`, as TensorFlow, tensorboardX and PyTorch name them.
    static func isEventFile(_ name: String) -> Bool {
        name.hasPrefix("events.out.tfevents")
    }

    /// The scalars of TensorBoard event files, read by hand (no TensorFlow, TensorBoard or
    /// protobuf library): a file, or a folder whose event files are read in name order, those
    /// in a subfolder (Keras writes `train/` and `validation/`) named `subfolder/tag`. Tags
    /// Keras logs per epoch (`epoch_loss`) are drawn against epochs, other tags against steps.
    /// A step logged again replaces the earlier value; a last record cut short (a run still
    /// writing) is left out; both with a note.
    static func fromTensorBoard(_ path: String) throws -> RunLog {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { throw RunLogError("\(path): no such file") }
        var files: [(path: String, prefix: String)] = []
        if isFolder.boolValue {
            let root = URL(fileURLWithPath: path)
            guard let walker = manager.enumerator(at: root, includingPropertiesForKeys: nil) else {
                throw RunLogError("\(path): cannot be read")
            }
            for case let url as URL in walker where isEventFile(url.lastPathComponent) {
                let relative = url.path.dropFirst(root.path.count).split(separator: "/").dropLast().joined(separator: "/")
                files.append((url.path, relative))
            }
            files.sort { ($0.prefix, $0.path) < ($1.prefix, $1.path) }
            guard !files.isEmpty else {
                // A Lightning version folder or a Hugging Face checkpoint: the log it holds.
                for name in ["metrics.csv", "trainer_state.json"] where manager.fileExists(atPath: root.appendingPathComponent(name).path) {
                    return try read(root.appendingPathComponent(name).path)
                }
                throw RunLogError("\(path): a folder without TensorBoard event files (events.out.tfevents.*), metrics.csv "
                    + "or trainer_state.json; name a log file or a run's folder")
            }
        } else {
            files = [(path, "")]
        }
        var reader = EventReader()
        for file in files {
            guard let data = manager.contents(atPath: file.path) else { throw RunLogError("\(file.path): cannot be read") }
            try reader.read(Array(data), file: file.path, prefix: file.prefix.isEmpty ? "" : file.prefix + "/")
        }
        let columns = reader.order.compactMap { name -> Column? in
            guard let values = reader.values[name], !values.isEmpty else { return nil }
            let sorted = values.sorted { $0.key < $1.key }
            let steps = sorted.map { Double($0.key) }
            let perEpoch = name.split(separator: "/").last?.hasPrefix("epoch_") == true
            return Column(name: name, epochs: perEpoch ? steps : steps.map { _ in .nan }, steps: steps, values: sorted.map(\.value))
        }
        guard !columns.isEmpty else {
            throw RunLogError("\(path): no scalar logged in its TensorBoard events (tags found: "
                + (reader.otherTags.isEmpty ? "none" : reader.otherTags.joined(separator: ", ")) + ")"
                + reader.notes.map { "; " + $0 }.joined())
        }
        let epochs = columns.flatMap(\.epochs).filter { !$0.isNaN }
        var log = RunLog(file: path, columns: columns, epochShift: epochs.min() == 0 ? 1 : 0)
        log.notes = reader.notes
        return log
    }
}

/// The events of one run, tag by tag; field numbers from TensorFlow's `event.proto`,
/// `summary.proto` and `tensor.proto` (and `types.proto` for the data types).
private struct EventReader {
    /// Each scalar tag's value at each step.
    var values: [String: [Int64: Double]] = [:]
    /// Scalar tags in the order first seen.
    var order: [String] = []
    /// Whether a tag is a scalar, decided by its first event (its plugin metadata there).
    var isScalar: [String: Bool] = [:]
    var otherTags: [String] = []
    var notes: [String] = []
    var repeated: [String: [Int64]] = [:]

    mutating func read(_ bytes: [UInt8], file: String, prefix: String) throws {
        // TFRecord framing: length (8 bytes, little-endian), masked CRC-32C of the length,
        // the record, masked CRC-32C of the record.
        var offset = 0
        var record = 0
        func uint32(at index: Int) -> UInt32 { (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[index + $1]) << (8 * UInt32($1)) } }
        while offset < bytes.count {
            record += 1
            let cutShort = "\(file): its last record (\(record), at byte \(offset)) is cut short, as while a run is still writing; left out"
            guard bytes.count - offset >= 12 else {
                notes.append(cutShort)
                break
            }
            let lengthBytes = bytes[offset..<(offset + 8)]
            guard MaskedCRC32C.masked(lengthBytes) == uint32(at: offset + 8) else {
                throw RunLogError("\(file): record \(record) at byte \(offset): the checksum of its length does not match; "
                    + "the file is corrupt (or not a TensorBoard event file)")
            }
            let length = lengthBytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let available = bytes.count - offset - 12
            guard available >= 4, length <= UInt64(available - 4) else {
                notes.append(cutShort)
                break
            }
            let start = offset + 12, end = start + Int(length)
            let data = bytes[start..<end]
            guard MaskedCRC32C.masked(data) == uint32(at: end) else {
                throw RunLogError("\(file): record \(record) at byte \(offset): the checksum of its data does not match; the file is corrupt")
            }
            do {
                try event(data, prefix: prefix, file: file)
            } catch let error as ProtobufReader.Malformed {
                throw RunLogError("\(file): record \(record) at byte \(offset): \(error.problem)")
            }
            offset = end + 4
        }
        for (tag, steps) in repeated.sorted(by: { $0.key < $1.key }) {
            let listed = steps.prefix(5).map(String.init).joined(separator: ", ") + (steps.count > 5 ? " and \(steps.count - 5) more" : "")
            notes.append("\(file): \(tag) is logged again at step\(steps.count == 1 ? "" : "s") \(listed) (a resumed run?); the later value is drawn")
        }
        repeated = [:]
    }

    /// `Event`: step = 2 (int64), summary = 5.
    private mutating func event(_ bytes: ArraySlice<UInt8>, prefix: String, file: String) throws {
        var reader = ProtobufReader(bytes)
        var step: Int64 = 0
        var summaries: [ArraySlice<UInt8>] = []
        while let field = try reader.nextField() {
            switch (field.number, field.wire) {
            case (2, .varint): step = Int64(bitPattern: try reader.varint())
            case (5, .lengthDelimited): summaries.append(try reader.lengthDelimited())
            default: try reader.skip(field.wire)
            }
        }
        for summary in summaries {
            // `Summary`: value = 1, repeated.
            var values = ProtobufReader(summary)
            while let field = try values.nextField() {
                guard field.number == 1, field.wire == .lengthDelimited else {
                    try values.skip(field.wire)
                    continue
                }
                try value(try values.lengthDelimited(), step: step, prefix: prefix)
            }
        }
    }

    /// `Summary.Value`: tag = 1, simple_value = 2 (float), tensor = 8, metadata = 9
    /// (`SummaryMetadata`: plugin_data = 1, whose plugin_name = 1).
    private mutating func value(_ bytes: ArraySlice<UInt8>, step: Int64, prefix: String) throws {
        var reader = ProtobufReader(bytes)
        var tag = ""
        var simple: Double?
        var tensor: ArraySlice<UInt8>?
        var plugin: String?
        while let field = try reader.nextField() {
            switch (field.number, field.wire) {
            case (1, .lengthDelimited): tag = String(decoding: try reader.lengthDelimited(), as: UTF8.self)
            case (2, .fixed32): simple = Double(Float(bitPattern: try reader.fixed32()))
            case (8, .lengthDelimited): tensor = try reader.lengthDelimited()
            case (9, .lengthDelimited):
                var metadata = ProtobufReader(try reader.lengthDelimited())
                while let inner = try metadata.nextField() {
                    guard inner.number == 1, inner.wire == .lengthDelimited else {
                        try metadata.skip(inner.wire)
                        continue
                    }
                    var pluginData = ProtobufReader(try metadata.lengthDelimited())
                    while let innermost = try pluginData.nextField() {
                        if innermost.number == 1, innermost.wire == .lengthDelimited {
                            plugin = String(decoding: try pluginData.lengthDelimited(), as: UTF8.self)
                        } else {
                            try pluginData.skip(innermost.wire)
                        }
                    }
                }
            default: try reader.skip(field.wire)
            }
        }
        let name = prefix + tag
        if isScalar[name] == nil {
            isScalar[name] = simple != nil || plugin == "scalars"
            if isScalar[name] == true { order.append(name) } else { otherTags.append(name) }
        }
        guard isScalar[name] == true else { return }
        guard let number = try simple ?? tensor.flatMap(Self.scalar) else { return }
        if values[name, default: [:]][step] != nil { repeated[name, default: []].append(step) }
        values[name, default: [:]][step] = number
    }

    /// `TensorProto`: dtype = 1 (DT_FLOAT 1, DT_DOUBLE 2), tensor_content = 4 (little-endian),
    /// float_val = 5, double_val = 6 (packed, or one value a field). The first value; nil for
    /// other types.
    private static func scalar(_ bytes: ArraySlice<UInt8>) throws -> Double? {
        var reader = ProtobufReader(bytes)
        var dtype: UInt64 = 0
        var content: ArraySlice<UInt8>?
        var listed: Double?
        while let field = try reader.nextField() {
            switch (field.number, field.wire) {
            case (1, .varint): dtype = try reader.varint()
            case (4, .lengthDelimited): content = try reader.lengthDelimited()
            case (5, .fixed32):
                let value = Double(Float(bitPattern: try reader.fixed32()))
                if listed == nil { listed = value }
            case (6, .fixed64):
                let value = Double(bitPattern: try reader.fixed64())
                if listed == nil { listed = value }
            case (5, .lengthDelimited):
                var packed = ProtobufReader(try reader.lengthDelimited())
                if listed == nil, !packed.isAtEnd { listed = Double(Float(bitPattern: try packed.fixed32())) }
            case (6, .lengthDelimited):
                var packed = ProtobufReader(try reader.lengthDelimited())
                if listed == nil, !packed.isAtEnd { listed = Double(bitPattern: try packed.fixed64()) }
            default: try reader.skip(field.wire)
            }
        }
        if let listed { return listed }
        guard let content else { return nil }
        var raw = ProtobufReader(content)
        switch dtype {
        case 1: return content.count >= 4 ? Double(Float(bitPattern: try raw.fixed32())) : nil
        case 2: return content.count >= 8 ? Double(bitPattern: try raw.fixed64()) : nil
        default: return nil
        }
    }
}
