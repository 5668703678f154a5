// libFuzzer target: arbitrary bytes, as text, through the normal forms facts are
// compared in: phone (E.164), e-mail, URL, postal address, time of day. Built and run
// only by `.ci/fuzz`, which compiles HelpSiteCore with -enable-testing for the
// internal normalisers.
//
// No input may crash a normaliser, and a normal form is a fixed point: normalising
// it again gives it back. A broken property stops the run like a crash.
@testable import HelpSiteCore

private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

private let regions = PhoneNumber.callingCodes.keys.sorted()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let region = regions[Int(start[0]) % regions.count]
    let text = String(decoding: UnsafeBufferPointer(start: start + 1, count: count - 1), as: UTF8.self)

    for region in Set(["BE", region]) {
        if case .success(let e164) = Normal.phone(text, region: region) {
            require(e164.hasPrefix("+") && e164.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }, "not E.164: \(e164)")
            require(Normal.phone(e164, region: region) == .success(e164), "phone \(text.debugDescription) → \(e164) → \(Normal.phone(e164, region: region))")
        }
    }
    if let email = Normal.email(text) {
        require(Normal.email(email) == email, "e-mail \(text.debugDescription) → \(email) → \(String(describing: Normal.email(email)))")
    }
    if let url = Normal.url(text) {
        require(Normal.url(url) == url, "URL \(text.debugDescription) → \(url) → \(String(describing: Normal.url(url)))")
    }
    if let time = TimeOfDay(text) {
        require(TimeOfDay(time.description) == time, "time \(text.debugDescription) → \(time)")
    }
    address(text)
    return 0
}

/// Lines as the fields of a postal address: how a page writes it, and how a declared
/// place name is found for it.
private func address(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard lines.count >= 4 else { return }
    let here = SourceLocation(file: "fuzz.yaml", line: 1, column: 1)
    let field = { (index: Int) in Located(lines[index], at: here) }
    let address = PostalAddress(building: lines.count > 5 ? field(5) : nil, street: field(0), number: field(1),
                                box: lines.count > 4 ? field(4) : nil, postalCode: field(2), city: field(3), location: here)
    let line = address.streetLine(box: "bus")
    require(line.hasPrefix(lines[0]), "street line \(line.debugDescription) does not start with the street")
    let names = FactEquivalents(placeNames: [["nl": field(0), "fr": field(3)]])
    let found = names.entry(in: names.placeNames, reference: "nl", value: lines[0].uppercased()) { $0.uppercased() }
    require(found != nil, "the declared name \(lines[0].debugDescription) is not found for itself")
}
