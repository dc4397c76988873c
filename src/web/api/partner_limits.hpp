#pragma once
// How many requests one partner API key may make (issue 17): a burst of kPartnerBurst, then one
// every kPartnerRefillSeconds (two a second, 7,200 an hour). A partner passes on reports that
// people typed one by one; far more than the busiest bureau's year arrives in an hour at this
// rate, while a leaked key or a partner's runaway retry loop cannot flood the write queue.
namespace meldpunt::web {

inline constexpr int kPartnerBurst = 60;
inline constexpr double kPartnerRefillSeconds = 0.5;

}  // namespace meldpunt::web
