#include "certificate.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace olohuone::server {
namespace {

template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T* pointer) const { Free(pointer); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Deleter<X509_free>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using File = std::unique_ptr<FILE, Deleter<std::fclose>>;

constexpr long ten_years = 10L * 365 * 24 * 3600;

Result<std::string> pin_of(const std::string& certificate_path)
{
    File file(std::fopen(certificate_path.c_str(), "r"));
    if (!file)
        return make_error("cannot read the certificate " + certificate_path);
    Certificate certificate(PEM_read_X509(file.get(), nullptr, nullptr, nullptr));
    if (!certificate)
        return make_error(certificate_path + " is not a PEM certificate");
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(X509_get0_pubkey(certificate.get()), &der);
    if (length <= 0)
        return make_error(certificate_path + ": cannot read its public key");
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(der, static_cast<std::size_t>(length), digest);
    OPENSSL_free(der);
    unsigned char base64[4 * ((SHA256_DIGEST_LENGTH + 2) / 3) + 1];
    EVP_EncodeBlock(base64, digest, SHA256_DIGEST_LENGTH);
    return "sha256//" + std::string(reinterpret_cast<const char*>(base64));
}

Result<void> make_self_signed(const std::string& certificate_path, const std::string& key_path)
{
    Key key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    Certificate certificate(X509_new());
    if (!key || !certificate)
        return make_error("cannot make a key for the certificate");
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7F; // a positive serial number
    BIGNUM* number = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate.get()));
    BN_free(number);
    X509_set_version(certificate.get(), X509_VERSION_3);
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), ten_years);
    X509_set_pubkey(certificate.get(), key.get());
    X509_NAME* name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("olohuone-server"),
                               -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);

    char host[256] = {};
    gethostname(host, sizeof host - 1);
    const std::string names = std::string("DNS:localhost,IP:127.0.0.1,IP:::1") + (host[0] ? ",DNS:" + std::string(host) : "");
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate.get(), certificate.get(), nullptr, nullptr, 0);
    Extension alt_names(X509V3_EXT_conf_nid(nullptr, &context, NID_subject_alt_name, names.c_str()));
    if (!alt_names || X509_add_ext(certificate.get(), alt_names.get(), -1) != 1)
        return make_error("cannot name the hosts in the certificate");
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0)
        return make_error("cannot sign the certificate");

    // The key is readable by the server's user only, from the moment it exists.
    const mode_t previous = umask(077);
    File key_file(std::fopen(key_path.c_str(), "w"));
    umask(previous);
    if (!key_file || PEM_write_PrivateKey(key_file.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return make_error("cannot write " + key_path);
    File certificate_file(std::fopen(certificate_path.c_str(), "w"));
    if (!certificate_file || PEM_write_X509(certificate_file.get(), certificate.get()) != 1)
        return make_error("cannot write " + certificate_path);
    return {};
}

} // namespace

Result<CertificateFiles> ensure_certificate(const ServerConfig& config)
{
    CertificateFiles files{config.certificate, config.private_key, {}, false};
    if (files.certificate.empty()) {
        files.certificate = config.state_dir + "/server-certificate.pem";
        files.private_key = config.state_dir + "/server-key.pem";
        std::error_code error;
        if (!std::filesystem::exists(files.certificate, error) || !std::filesystem::exists(files.private_key, error)) {
            if (auto made = make_self_signed(files.certificate, files.private_key); !made)
                return made.error();
            files.made_now = true;
        }
    }
    auto pin = pin_of(files.certificate);
    if (!pin)
        return pin.error();
    files.public_key_pin = pin.value();
    return files;
}

} // namespace olohuone::server
