#pragma once
// The certificate authorities the tests trust, made once per build by
// tests/support/make-test-authorities rather than by three openssl runs in every test.
#include <string>

namespace olohuone::testing {

// A certificate authority and a server certificate it signed, copied into a test's own
// folder (so a test may change them): ca.pem and ca-key.pem, server.pem and
// server-key.pem, and the server's request and extensions (server.csr, ext.cnf), with
// which the same authority can issue it again.
struct TestCertificates {
    std::string ca;
    std::string certificate;
    std::string private_key;
};

enum class Authority {
    Tests, // the one the test servers and their clients use
    Other, // one no server or client was told to trust
};

// `hosts`: the certificate's subjectAltNames, "IP:127.0.0.1" or "IP:127.0.0.1,DNS:localhost".
TestCertificates make_test_certificates(const std::string& dir, const std::string& hosts,
                                        Authority authority = Authority::Tests);

} // namespace olohuone::testing
