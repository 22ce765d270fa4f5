// Shim over OpenSSL's libcrypto (Debian's libssl-dev): library initialisation and the EVP digest
// functions, for SHA-256 (ShockFlowFormats/Manifest/SHA256.swift).
#ifndef SHOCKFLOW_CLIBCRYPTO_SHIM_H
#define SHOCKFLOW_CLIBCRYPTO_SHIM_H

#include <openssl/crypto.h>
#include <openssl/evp.h>

#endif
