#include "support/test_authority.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_paths.h"

namespace olohuone::testing {

TestCertificates make_test_certificates(const std::string& dir, const std::string& hosts, Authority authority)
{
    namespace fs = std::filesystem;
    const fs::path made = fs::path(test::build_dir()) / "support/authority"
        / (authority == Authority::Tests ? "tests" : "other");
    const char* server = hosts == "IP:127.0.0.1" ? "ip" : hosts == "IP:127.0.0.1,DNS:localhost" ? "ip-localhost" : "";
    TestCertificates copied{dir + "/ca.pem", dir + "/server.pem", dir + "/server-key.pem"};
    if (*server == '\0') {
        ADD_FAILURE() << "no test certificate for " << hosts << " (tests/support/make-test-authorities makes them)";
        return copied;
    }
    std::error_code error;
    fs::create_directories(dir, error);
    for (const fs::path& file : {made / "ca.pem", made / "ca-key.pem", made / server / "server.pem",
                                 made / server / "server-key.pem", made / server / "server.csr",
                                 made / server / "ext.cnf"}) {
        fs::copy_file(file, fs::path(dir) / file.filename(), fs::copy_options::overwrite_existing, error);
        if (error) {
            ADD_FAILURE() << file.string() << ": " << error.message() << " (built by the olohuone_test_authorities target)";
            break;
        }
    }
    return copied;
}

} // namespace olohuone::testing
