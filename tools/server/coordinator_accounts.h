#pragma once
// Coordinators' accounts, as the admin tool makes, lists and disables them
// (docs/web.md). Each function checks what it is given and returns an error that names
// what was wrong (the login, the site, the organisation); on an error nothing changed.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "server_store.h"

namespace olohuone::server {

// Which sites a new account may see: those listed, or every site of one organisation
// (also sites added later). `organisation` may stay empty when there is only one.
struct CoordinatorSites {
    std::vector<std::int64_t> site_ids;
    bool all_sites = false;
    std::string organisation;
};

// Checks the login (normalised_login) and the password (check_new_password), hashes
// the password and stores the account.
Result<CoordinatorAccount> create_coordinator_account(ServerStore& store, const std::string& login,
                                                      const std::string& password, const CoordinatorSites& sites,
                                                      UnixSeconds now);

// Ends the account's sessions and refuses its logins from now on.
Result<void> disable_coordinator_account(ServerStore& store, const std::string& login, UnixSeconds now);

// One line per account, tab-separated after a header line, like list-kiosks:
// login, organisation, sites ("all" or "1,2"), status (active or disabled).
std::string coordinator_table(const std::vector<CoordinatorAccount>& accounts, const std::vector<SiteInfo>& sites);

// The sites `account` may see, by id.
std::vector<SiteInfo> sites_visible_to(const CoordinatorAccount& account, const std::vector<SiteInfo>& sites);

} // namespace olohuone::server
