#pragma once
// Signing in and out, screen by screen. Signing in: the group → the name (or "count me
// without a name") → a marker if a regular already has the same short name → whom the
// visitor came to see, if their group is asked → confirm → "Kiitos, Aino!". Signing
// out: pick your name from today's list → confirm → "Näkemiin, Aino!".
#include <functional>
#include <memory>

#include "ui/screens/screen.h"

namespace olohuone::ui {

// What the flow's screens share: the draft grows as the visitor goes on, and is gone
// with them when the flow ends, however it ends.
struct SignInFlow {
    SignInDraft draft;
    std::string shown_name; // the typed name, or the suggestion's short name
    // What follows once the visitor is known; unset in a sign-in, which goes on to ask
    // whom they came to see and to confirm.
    std::function<ScreenAction(const ScreenContext&)> identified;
    // "Count me without a name" on the name screen: a visit can be counted so, a
    // registration cannot.
    bool offers_anonymous = false;
};

std::unique_ptr<Screen> make_sign_in_screen(const ScreenContext& context);
std::unique_ptr<Screen> make_sign_out_screen(const ScreenContext& context);

// Who is it, for a record other than a sign-in: today's signed-in visitors to pick from
// and "Kirjoita nimesi" for anyone else (group, name with suggestions, marker).
// `identified` gets the visitor and the short name to show.
using Identified =
    std::function<ScreenAction(const VisitorIdentity& who, const std::string& shown_name, const ScreenContext&)>;
std::unique_ptr<Screen> make_identify_screen(std::string title_key, Identified identified,
                                             const ScreenContext& context);

// The step after the name (and after the marker, if one was needed).
ScreenAction continue_after_name(const std::shared_ptr<SignInFlow>& flow, const ScreenContext& context);

// Stores the anonymous count and thanks; failure leaves the visitor where they are.
Result<ScreenAction> count_anonymously(const std::shared_ptr<SignInFlow>& flow, const ScreenContext& context);

// "Aino K. · Asukas · Ruusu" in the visitor's language.
std::string visitor_label(const std::string& public_name, const std::string& group_id, const std::string& marker_id,
                          const ScreenContext& context);
// The part after the name, "Asukas · Ruusu", for a button's second line.
std::string visitor_detail(const std::string& group_id, const std::string& marker_id, const ScreenContext& context);

} // namespace olohuone::ui
