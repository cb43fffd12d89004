#include "coordinator_accounts.h"

#include <algorithm>
#include <set>

#include "passwords.h"

namespace olohuone::server {
namespace {

constexpr std::size_t max_sites_per_account = 1000;

// The organisation an account of `sites` belongs to, or why there is none.
Result<std::int64_t> organisation_of(const CoordinatorSites& wanted, const std::vector<SiteInfo>& sites)
{
    if (wanted.all_sites) {
        if (!wanted.site_ids.empty())
            return make_error("give either sites or all sites of an organisation, not both");
        std::set<std::string> names;
        for (const SiteInfo& site : sites) {
            if (site.organisation == wanted.organisation)
                return site.organisation_id;
            names.insert(site.organisation);
        }
        if (wanted.organisation.empty() && names.size() == 1)
            return sites.front().organisation_id;
        if (names.empty())
            return make_error("there are no sites yet: add one first");
        std::string known;
        for (const std::string& name : names)
            known += (known.empty() ? "\"" : ", \"") + name + "\"";
        return make_error(wanted.organisation.empty()
                              ? "there are several organisations; name one (" + known + ")"
                              : "there is no organisation \"" + wanted.organisation + "\" (there are " + known + ")");
    }
    if (wanted.site_ids.empty() || wanted.site_ids.size() > max_sites_per_account)
        return make_error("give at least one site, or all sites of an organisation");
    std::optional<std::int64_t> organisation;
    for (const std::int64_t id : wanted.site_ids) {
        const auto site = std::find_if(sites.begin(), sites.end(), [id](const SiteInfo& s) { return s.id == id; });
        if (site == sites.end())
            return make_error("there is no site " + std::to_string(id));
        if (organisation && *organisation != site->organisation_id)
            return make_error("site " + std::to_string(id)
                              + " belongs to another organisation than the other "
                                "sites given; an account belongs to one organisation");
        organisation = site->organisation_id;
    }
    return *organisation;
}

} // namespace

Result<CoordinatorAccount> create_coordinator_account(ServerStore& store, const std::string& login,
                                                      const std::string& password, const CoordinatorSites& sites,
                                                      UnixSeconds now)
{
    auto name = normalised_login(login);
    if (!name)
        return name.error();
    if (auto usable = check_new_password(password); !usable)
        return usable.error();
    auto known_sites = store.sites();
    if (!known_sites)
        return known_sites.error();
    auto organisation = organisation_of(sites, known_sites.value());
    if (!organisation)
        return organisation.error();
    auto hash = hash_password(password);
    if (!hash)
        return hash.error();
    CoordinatorAccount account;
    account.login = name.value();
    account.password_hash = hash.value();
    account.organisation_id = organisation.value();
    account.all_sites = sites.all_sites;
    const std::set<std::int64_t> unique(sites.site_ids.begin(), sites.site_ids.end());
    account.site_ids.assign(unique.begin(), unique.end());
    auto id = store.add_coordinator(account, now);
    if (!id)
        return id.error();
    account.id = id.value();
    return account;
}

Result<void> disable_coordinator_account(ServerStore& store, const std::string& login, UnixSeconds now)
{
    auto name = normalised_login(login);
    if (!name)
        return name.error();
    auto disabled = store.disable_coordinator(name.value(), now);
    if (!disabled)
        return disabled.error();
    if (!disabled.value())
        return make_error("there is no active coordinator \"" + name.value() + "\"");
    return {};
}

std::string coordinator_table(const std::vector<CoordinatorAccount>& accounts, const std::vector<SiteInfo>& sites)
{
    std::string table = "login\torganisation\tsites\tstatus\n";
    for (const CoordinatorAccount& account : accounts) {
        std::string organisation = "-";
        for (const SiteInfo& site : sites)
            if (site.organisation_id == account.organisation_id)
                organisation = site.organisation;
        std::string listed;
        for (const std::int64_t id : account.site_ids)
            listed += (listed.empty() ? "" : ",") + std::to_string(id);
        // Organisation names are typed by admins: no tab or newline may break the table.
        std::replace_if(
            organisation.begin(), organisation.end(),
            [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }, ' ');
        table += account.login + '\t' + organisation + '\t' + (account.all_sites ? "all" : listed) + '\t'
            + (account.disabled ? "disabled" : "active") + '\n';
    }
    return table;
}

std::vector<SiteInfo> sites_visible_to(const CoordinatorAccount& account, const std::vector<SiteInfo>& sites)
{
    std::vector<SiteInfo> visible;
    for (const SiteInfo& site : sites) {
        const bool listed = std::binary_search(account.site_ids.begin(), account.site_ids.end(), site.id);
        if (site.organisation_id == account.organisation_id && (account.all_sites || listed))
            visible.push_back(site);
    }
    return visible;
}

} // namespace olohuone::server
