-- CreateIndex
CREATE UNIQUE INDEX "Registration_creditCode_key" ON "Registration"("creditCode");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_one_open_per_organization" ON "Registration"("organizationId") WHERE (status = ANY (ARRAY['filed'::"RegistrationStatus", 'submitted'::"RegistrationStatus", 'correction_required'::"RegistrationStatus", 'first_review'::"RegistrationStatus", 'second_review'::"RegistrationStatus", 'returned'::"RegistrationStatus", 'preparing'::"RegistrationStatus"]));
