import { Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { jobDetailOptions } from './api';
import { jobTitle } from '../../lib/job';
import { paths, type JobLinkState } from '../../config/paths';
import { JobDetailView } from './components/JobDetailView';
import { JobNotFound } from './components/JobNotFound';
import { StaleBanner } from './components/StaleBanner';
import { jobDetailRefetchInterval } from './model/detailPolling';
import { useDetailTab } from './hooks/useDetailTab';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

export function JobDetailPage() {
  const { jobId = '' } = useParams();
  const location = useLocation();
  const [tab, setTab] = useDetailTab();
  const query = useQuery({ ...jobDetailOptions(jobId), refetchInterval: jobDetailRefetchInterval });
  const job = query.data?.job;
  const listHref = (location.state as JobLinkState | null)?.fromList || paths.jobs();
  const notFound = query.error instanceof ApiError && query.error.kind === 'not-found';
  useDocumentTitle(job ? jobTitle(job) : notFound ? 'Job not found' : `Job ${jobId}`);
  const retry = () => void query.refetch();
  const staleError = query.error ?? query.failureReason;

  if (query.isPending) {
    return (
      <Stack align="center" py="xl">
        <Loader aria-label="Loading job" />
      </Stack>
    );
  }
  if (!job) {
    if (notFound) return <JobNotFound jobId={jobId} listHref={listHref} />;
    return (
      <ErrorAlert
        title="Could not load the job"
        error={query.error}
        onRetry={retry}
        retrying={query.isFetching}
      />
    );
  }
  return (
    <JobDetailView
      job={job}
      raw={query.data?.raw}
      tab={tab}
      onTabChange={setTab}
      listHref={listHref}
      notice={
        // Say so at the first failed refresh, not only once every retry has failed too.
        staleError ? <StaleBanner error={staleError} onRetry={retry} /> : null
      }
    />
  );
}
