package io.strongroom.ui.shell;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeSessionsViewModelTest {

    @Test
    void arnsAreShortenedToWhatPeopleRecognise() {
        assertThat(ScopeSessionsViewModel.shortArn("arn:aws:iam::111122223333:user/admin")).isEqualTo("user/admin");
        assertThat(ScopeSessionsViewModel.shortArn("arn:aws:iam::111122223333:root")).isEqualTo("root");
        assertThat(ScopeSessionsViewModel.shortArn(
                "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_ReadOnly_0123456789abcdef/alice@example.com"))
                .isEqualTo("ReadOnly/alice@example.com");
        assertThat(ScopeSessionsViewModel.shortArn("arn:aws:sts::111122223333:assumed-role/Auditor/s1")).isEqualTo("Auditor/s1");
        assertThat(ScopeSessionsViewModel.shortArn(null)).isEmpty();
    }
}
