#include "service/system_time.h"

#include <memory>
#include <cstring>
#include <string>

#include <systemd/sd-bus.h>

namespace olohuone::service {
namespace {

constexpr const char* destination = "org.freedesktop.timedate1";
constexpr const char* object = "/org/freedesktop/timedate1";
constexpr const char* interface = "org.freedesktop.timedate1";

struct BusCloser {
    void operator()(sd_bus* bus) const { sd_bus_flush_close_unref(bus); }
};
using Bus = std::unique_ptr<sd_bus, BusCloser>;

// Clears the error however the call went (RAII for sd_bus_error).
struct CallError {
    sd_bus_error error = SD_BUS_ERROR_NULL;
    ~CallError() { sd_bus_error_free(&error); }
    std::string text(int code) const
    {
        return error.message != nullptr ? std::string(error.message) : std::string(strerror(-code));
    }
};

Result<void> set_ntp(sd_bus* bus, bool on)
{
    CallError error;
    // interactive = false: no password prompt, the polkit rule decides.
    const int code = sd_bus_call_method(bus, destination, object, interface, "SetNTP", &error.error, nullptr, "bb",
                                        on ? 1 : 0, 0);
    if (code < 0)
        return make_error(std::string("systemd-timedated did not switch automatic time sync ") + (on ? "on" : "off")
                          + ": " + error.text(code));
    return {};
}

} // namespace

Result<void> set_system_time(UnixSeconds at)
{
    sd_bus* opened = nullptr;
    if (const int code = sd_bus_open_system(&opened); code < 0)
        return make_error(std::string("cannot reach the system bus to set the clock: ") + strerror(-code));
    const Bus bus(opened);

    // Whether NTP was on, to leave it as it was.
    int ntp = 0;
    {
        CallError error;
        if (const int code = sd_bus_get_property_trivial(bus.get(), destination, object, interface, "NTP",
                                                         &error.error, 'b', &ntp);
            code < 0)
            return make_error("cannot ask systemd-timedated about automatic time sync: " + error.text(code));
    }
    if (ntp != 0)
        if (auto off = set_ntp(bus.get(), false); !off)
            return off;
    CallError error;
    const std::int64_t usec = static_cast<std::int64_t>(at) * 1'000'000;
    const int code = sd_bus_call_method(bus.get(), destination, object, interface, "SetTime", &error.error, nullptr,
                                        "xbb", usec, 0, 0);
    Result<void> outcome = code < 0 ? Result<void>(make_error("systemd-timedated did not set the clock: " + error.text(code)))
                                    : Result<void>();
    if (ntp != 0)
        if (auto on = set_ntp(bus.get(), true); !on && outcome)
            return on;
    return outcome;
}

} // namespace olohuone::service
