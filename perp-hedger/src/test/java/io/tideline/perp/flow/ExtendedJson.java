package io.tideline.perp.flow;

import java.util.List;

/**
 * Extended's documented response bodies ({@code {status, data, error}} envelopes; ids as JSON numbers, amounts as
 * decimal strings), filled with a test's values. The shapes follow src/test/resources/extended/*.json.
 */
final class ExtendedJson {

    private ExtendedJson() {
    }

    static String market() {
        return """
                {"status":"OK","data":[{"name":"ETH-USD","assetName":"ETH","assetPrecision":3,
                 "collateralAssetName":"USD","collateralAssetPrecision":6,"active":true,"status":"ACTIVE",
                 "tradingConfig":{"minOrderSize":"0.01","minOrderSizeChange":"0.001","minPriceChange":"0.1",
                  "maxMarketOrderValue":"1000000","maxLimitOrderValue":"5000000","maxPositionValue":"10000000",
                  "maxLeverage":"50.00","maxNumOrders":"200","limitPriceCap":"0.05","limitPriceFloor":"0.05"},
                 "l2Config":{"type":"STARKX","collateralId":"0x1","collateralResolution":1000000,
                  "syntheticId":"0x4554482d3400000000000000000000","syntheticResolution":10000}}]}""";
    }

    static String stats(String bid, String ask) {
        return """
                {"status":"OK","data":{"lastPrice":"%s","askPrice":"%s","bidPrice":"%s","markPrice":"%s",
                 "indexPrice":"%s","fundingRate":"-0.000059","nextFundingRate":1716192000000}}"""
                .formatted(bid, ask, bid, bid, bid);
    }

    static String placed(String orderId) {
        return "{\"status\":\"OK\",\"data\":{\"id\":" + orderId + ",\"externalId\":\"ignored-by-test\"}}";
    }

    static String order(String orderId, String side, String status, String qty, String filled, String average,
            String fee) {
        return "{\"status\":\"OK\",\"data\":" + orderObject(orderId, side, status, qty, filled, average, fee) + "}";
    }

    static String orders(String... orderObjects) {
        return "{\"status\":\"OK\",\"data\":[" + String.join(",", orderObjects) + "]}";
    }

    static String orderObject(String orderId, String side, String status, String qty, String filled,
            String average, String fee) {
        return """
                {"id":%s,"accountId":1834567890123450001,"externalId":"x","market":"ETH-USD","type":"MARKET",
                 "side":"%s","status":"%s","statusReason":"NONE","price":"%s","averagePrice":"%s","qty":"%s",
                 "filledQty":"%s","payedFee":"%s","reduceOnly":false,"postOnly":false,"createdTime":1716191880000,
                 "updatedTime":1716191880042,"timeInForce":"IOC","expireTime":1716195480000}"""
                .formatted(orderId, side, status, average, average, qty, filled, fee);
    }

    static String trades(String... tradeObjects) {
        return "{\"status\":\"OK\",\"data\":[" + String.join(",", List.of(tradeObjects)) + "]}";
    }

    static String trade(String tradeId, String orderId, String side, String price, String qty, String fee) {
        return """
                {"id":%s,"accountId":1834567890123450001,"market":"ETH-USD","orderId":%s,"side":"%s","price":"%s",
                 "qty":"%s","value":"0","fee":"%s","isTaker":true,"tradeType":"TRADE","createdTime":1716191880041}"""
                .formatted(tradeId, orderId, side, price, qty, fee);
    }

    static String position(String side, String size) {
        return """
                {"status":"OK","data":[{"id":1834567890123455555,"accountId":1834567890123450001,"market":"ETH-USD",
                 "side":"%s","leverage":"5","size":"%s","value":"0","openPrice":"2500","markPrice":"2500",
                 "createdTime":1716191880041,"updatedTime":1716191880041}]}""".formatted(side, size);
    }

    static String error(String code, String message) {
        return "{\"status\":\"ERROR\",\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}";
    }
}
