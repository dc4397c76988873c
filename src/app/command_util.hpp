#pragma once
// Small helpers the command-line commands share (defined in commands.cpp).
#include <functional>
#include <string>

#include "app/config.hpp"
#include "security/crypto.hpp"

namespace meldpunt::app {

long long UnixNow();  // Unix seconds
// The clock the server and commands use: UnixNow, moved by the offset in the config's
// clock_offset_file when one is set (tests only).
std::function<long long()> MakeClock(const Config& config);
// A whole file; throws std::runtime_error naming the path when it cannot be read.
std::string ReadFile(const std::string& path);
// The master key from the key file the server made; throws when there is none, as a new key
// would not fit what the server wrote (the audit chain, the encrypted data).
Key LoadExistingMasterKey(const Config& config);
// The key that encrypts personal data in the database, derived from the master key.
Key DataKey(const Key& master);
// The receipt key (security/receipts.hpp: receipt codes and their hashes), derived from the master
// key.
Key ReceiptKey(const Key& master);
// The key that chains the audit log (security/audit_chain.hpp), derived from the master key.
Key AuditChainKey(const Key& master);

}  // namespace meldpunt::app
