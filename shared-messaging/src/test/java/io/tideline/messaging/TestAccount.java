package io.tideline.messaging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigInteger;

/** Service state in the tests: written in the same transaction as its outbox events. */
@Entity
@Table(name = "test_account")
public class TestAccount extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false, precision = 78)
    public BigInteger balance;

    public static TestAccount of(String id, BigInteger balance) {
        TestAccount account = new TestAccount();
        account.id = id;
        account.balance = balance;
        return account;
    }
}
