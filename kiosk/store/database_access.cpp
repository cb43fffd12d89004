#include "store/database_access.h"

#include <cstdio>
#include <filesystem>

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace olohuone::store {
namespace {

std::string user_name(uid_t uid)
{
    const passwd* entry = ::getpwuid(uid);
    return (entry != nullptr ? std::string(entry->pw_name) : std::string("uid")) + " (uid " + std::to_string(uid)
        + ")";
}

// "owned by root:root, mode 0644"
std::string ownership(const std::string& path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return "";
    const passwd* owner = ::getpwuid(info.st_uid);
    const group* grp = ::getgrgid(info.st_gid);
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
    return ", owned by " + (owner != nullptr ? std::string(owner->pw_name) : std::to_string(info.st_uid)) + ":"
        + (grp != nullptr ? std::string(grp->gr_name) : std::to_string(info.st_gid)) + " with mode " + mode;
}

bool may(const std::string& path, int how) { return ::faccessat(AT_FDCWD, path.c_str(), how, AT_EACCESS) == 0; }

} // namespace

std::optional<std::string> unwritable_reason(const std::string& path)
{
    namespace fs = std::filesystem;
    const fs::path file(path);
    const std::string folder = file.has_parent_path() ? file.parent_path().string() : std::string(".");
    std::error_code error;
    if (!fs::is_directory(folder, error))
        return std::nullopt; // a missing folder is said by the open itself
    const std::string user = user_name(::geteuid());
    struct statvfs volume {};
    if (::statvfs(folder.c_str(), &volume) == 0 && (volume.f_flag & ST_RDONLY) != 0)
        return "the file system holding " + folder + " is mounted read-only, so the user " + user
            + " cannot store a record in it";
    if (!may(folder, W_OK | X_OK))
        return "the user " + user + " may not create files in " + folder + ownership(folder)
            + "; SQLite keeps its write-ahead log beside the database there";
    for (const std::string& part : {path, path + "-wal", path + "-shm"}) {
        if (!fs::exists(part, error) || fs::is_directory(part, error))
            continue;
        if (!may(part, R_OK | W_OK))
            return "the user " + user + " may not read and write " + part + ownership(part);
    }
    return std::nullopt;
}

} // namespace olohuone::store
