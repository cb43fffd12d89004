#include "core/log.h"

#include <cstdio>
#include <mutex>

namespace olohuone::log {
namespace {

void write(const char* prefix, std::string_view message)
{
    static std::mutex lock;
    const std::lock_guard guard(lock);
    std::fprintf(stderr, "%s%.*s\n", prefix, static_cast<int>(message.size()), message.data());
    std::fflush(stderr);
}

} // namespace

void error(std::string_view message) { write("<3>", message); }
void warning(std::string_view message) { write("<4>", message); }
void info(std::string_view message) { write("<6>", message); }

} // namespace olohuone::log
