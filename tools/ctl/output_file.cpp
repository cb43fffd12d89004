#include "output_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include <fcntl.h>
#include <unistd.h>

#include "exit_codes.h"

namespace olohuone::ctl {
namespace {

int cannot_write(const std::string& path, int error)
{
    return fail(exit_cannot_create, path + ": cannot write the file: " + std::strerror(error));
}

bool write_all(int fd, const std::string& text)
{
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t now = ::write(fd, text.data() + written, text.size() - written);
        if (now < 0 && errno == EINTR)
            continue;
        if (now <= 0)
            return false;
        written += static_cast<std::size_t>(now);
    }
    return true;
}

} // namespace

int write_output(const std::string& path, const std::string& text)
{
    if (path.empty() || path == "-") {
        if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
            return fail(exit_cannot_create, "cannot write to standard output: " + std::string(std::strerror(errno)));
        return exit_ok;
    }
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        return fail(exit_cannot_create, path + ": is a folder; give a file name, e.g. " + path + "/visits.csv");
    const std::string temporary = path + ".tmp-" + std::to_string(std::random_device()() % 1000000);
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd < 0)
        return cannot_write(path, errno);
    const bool written = write_all(fd, text) && ::fsync(fd) == 0;
    const int write_error = errno;
    ::close(fd);
    if (!written) {
        ::unlink(temporary.c_str());
        return cannot_write(path, write_error);
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int rename_error = errno;
        ::unlink(temporary.c_str());
        return cannot_write(path, rename_error);
    }
    return exit_ok;
}

} // namespace olohuone::ctl
