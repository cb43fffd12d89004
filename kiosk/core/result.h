#pragma once
// Errors as values at layer boundaries: a Result holds either a value or an Error
// whose message is written for the person who has to act on it (staff or a log reader).
#include <string>
#include <utility>
#include <variant>

namespace olohuone {

// What kind of failure it is, where a caller acts differently on it: a full disk is
// not the visitor's mistake and passes by itself once space is freed.
enum class ErrorKind { Failed, StorageFull };

struct Error {
    std::string message;
    ErrorKind kind = ErrorKind::Failed;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }

    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error make_error(std::string message) { return Error{std::move(message)}; }
inline Error storage_full_error(std::string message) { return Error{std::move(message), ErrorKind::StorageFull}; }

} // namespace olohuone
