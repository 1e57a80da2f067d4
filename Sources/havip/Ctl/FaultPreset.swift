import ArgumentParser
import HaVipClient
import HaVipModel

/// The real errors a fault most often stands in for, from the error catalogue.
enum FaultPreset: String, CaseIterable, ExpressibleByArgument {
    /// `Throttling.User` (400): what an account over its request rate gets.
    case throttling
    /// `ServiceUnavailable` (503): a temporary failure of the service.
    case serviceUnavailable = "service-unavailable"

    var error: InjectedError {
        let entry: APIError =
            switch self {
            case .throttling: .throttlingUser
            case .serviceUnavailable: .serviceUnavailable
            }
        return InjectedError(code: entry.code, status: entry.httpStatus, message: entry.message)
    }
}
