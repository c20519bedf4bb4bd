// SPDX-License-Identifier: MIT
pragma solidity 0.8.26;

import "@openzeppelin/contracts/token/ERC20/presets/ERC20PresetMinterPauser.sol";

/// OpenZeppelin's ERC20PresetMinterPauser with configurable decimals (the 4.9 preset is fixed at 18), for a
/// USDC-like 6-decimal test token. Compiled by compile-token.js into artifacts/TestToken.json (committed).
contract TestToken is ERC20PresetMinterPauser {
    uint8 private immutable _tokenDecimals;

    constructor(string memory name, string memory symbol, uint8 tokenDecimals) ERC20PresetMinterPauser(name, symbol) {
        _tokenDecimals = tokenDecimals;
    }

    function decimals() public view virtual override returns (uint8) {
        return _tokenDecimals;
    }
}
