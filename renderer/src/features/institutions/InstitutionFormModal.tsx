import { institutionsContract, type Institution } from '@core/domains/institutions/contract';
import { INSTITUTION_LEVELS, PLACES } from '@core/reference';
import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useCallMutation } from '../../api/hooks';
import { DraftNotice, useFormDraft } from '../../app/drafts';
import { accentInsensitiveFilter } from '../../app/filter';
import { contractResolver } from '../../app/form';
import { countryOptions, serviceOptions } from '../../app/labels';
import { notifySuccess } from '../../app/notify';

const createSchema = institutionsContract['institutions.create'].input;
const updateSchema = institutionsContract['institutions.update'].input;

/** Add an institution to the directory, or change one (including retiring it). */
export function InstitutionFormModal({ institution, opened, onClose }: { institution: Institution | null; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={null} withCloseButton={false} size="xl" centered>
      {opened && <InstitutionForm institution={institution} onClose={onClose} />}
    </Modal>
  );
}

function InstitutionForm({ institution, onClose }: { institution: Institution | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCallMutation('institutions.create', ['institutions.list']);
  const update = useCallMutation('institutions.update', ['institutions.list']);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      code: institution?.code ?? '',
      name: institution?.name ?? '',
      country: institution?.country ?? 'GTM',
      level: institution?.level ?? 'national',
      services: institution?.services ?? [],
      contact: institution?.contact ?? '',
      hours: institution?.hours ?? '',
      address: institution?.address ?? '',
      officeOf: institution?.officeOf ?? '',
      coverage: institution?.coverage ?? [],
      active: institution?.active ?? true,
    },
    validate: (values) => {
      const { active, ...rest } = values;
      const fields = { ...rest, officeOf: rest.officeOf.trim() || null };
      return institution ? contractResolver(updateSchema)({ id: institution.id, active, ...fields } as never) : contractResolver(createSchema)(fields as never);
    },
  });

  const draft = useFormDraft(`institution:${institution?.id ?? 'new'}`, form.values, form.setValues);
  const submit = form.onSubmit(async (values) => {
    const { active, ...rest } = values;
    const fields = { ...rest, officeOf: rest.officeOf.trim() || null };
    const saved = institution
      ? await update.mutateAsync({ id: institution.id, active, ...fields })
      : await create.mutateAsync(fields);
    await draft.discard();
    notifySuccess(t(institution ? 'institutions.updated' : 'institutions.created', { code: saved.code }));
    onClose();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <DraftNotice draft={draft} onDiscard={() => form.reset()} />
        <Text fw={600} size="lg">
          {institution ? t('institutions.editTitle', { code: institution.code }) : t('institutions.createTitle')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('institutions.code')} description={t('institutions.codeHelp')} required data-autofocus autoFocus {...form.getInputProps('code')} />
          <TextInput label={t('institutions.name')} required style={{ gridColumn: 'span 2' }} {...form.getInputProps('name')} />
          <Select
            label={t('institutions.country')}
            data={[{ value: 'INT', label: t('institutions.international') }, ...countryOptions()]}
            searchable
            filter={accentInsensitiveFilter}
            allowDeselect={false}
            {...form.getInputProps('country')}
          />
          <Select
            label={t('institutions.level')}
            data={INSTITUTION_LEVELS.map((level) => ({ value: level, label: t(`institutions.levels.${level}`) }))}
            allowDeselect={false}
            {...form.getInputProps('level')}
          />
          <TextInput label={t('institutions.contact')} {...form.getInputProps('contact')} />
        </SimpleGrid>
        <MultiSelect label={t('institutions.services')} data={serviceOptions()} searchable filter={accentInsensitiveFilter} {...form.getInputProps('services')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('institutions.hours')} {...form.getInputProps('hours')} />
          <TextInput label={t('institutions.address')} {...form.getInputProps('address')} />
          <TextInput label={t('institutions.officeOf')} description={t('institutions.officeOfHelp')} {...form.getInputProps('officeOf')} />
          <MultiSelect
            label={t('institutions.coverage')}
            description={t('institutions.coverageHelp')}
            data={(PLACES[form.values.country]?.departments ?? []).map((d) => d.name)}
            searchable
            filter={accentInsensitiveFilter}
            {...form.getInputProps('coverage')}
          />
        </SimpleGrid>
        {institution && (
          <Switch label={t('institutions.active')} description={t('institutions.activeHelp')} {...form.getInputProps('active', { type: 'checkbox' })} />
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => void draft.discard().then(onClose)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {institution ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
